-- Claims delivery $1 (an event_id or trigger_id) of kind $2. One row back: first delivery,
-- answer it. No row: another request (a retry, a replay, another replica) already has it.
insert into slack_events (id, kind)
values ($1, $2)
on conflict (id) do nothing
returning id;
