-- Importer: one batch of delivery rows (see import_upsert_customers.sql for the pattern).
insert into delivery_performance as t (
  order_id, delivery_partner_id, promised_time, actual_time, delivery_time_minutes, distance_km,
  delivery_status, reasons_if_delayed
)
select * from unnest(
  $1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::numeric[], $6::numeric[],
  $7::text[], $8::text[]
) as r(
  order_id, delivery_partner_id, promised_time, actual_time, delivery_time_minutes, distance_km,
  delivery_status, reasons_if_delayed
)
on conflict (order_id) do update set
  delivery_partner_id = excluded.delivery_partner_id, promised_time = excluded.promised_time,
  actual_time = excluded.actual_time, delivery_time_minutes = excluded.delivery_time_minutes,
  distance_km = excluded.distance_km, delivery_status = excluded.delivery_status,
  reasons_if_delayed = excluded.reasons_if_delayed
where (t.delivery_partner_id, t.promised_time, t.actual_time, t.delivery_time_minutes, t.distance_km,
       t.delivery_status, t.reasons_if_delayed)
  is distinct from
      (excluded.delivery_partner_id, excluded.promised_time, excluded.actual_time,
       excluded.delivery_time_minutes, excluded.distance_km, excluded.delivery_status,
       excluded.reasons_if_delayed);
