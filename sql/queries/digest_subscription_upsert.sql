-- Subscribes a channel ($1) at local time $2 in zone $3 with sections $4, by $5 at $6.
-- Subscribing again replaces time, zone and sections but keeps who first subscribed.
insert into digest_subscriptions (channel, local_time, time_zone, sections, created_by, created_at)
values ($1, $2, $3, $4::text[], $5, $6)
on conflict (channel) do update
  set local_time = excluded.local_time,
      time_zone = excluded.time_zone,
      sections = excluded.sections
returning (xmax = 0) as created;
