-- Delivered orders as the delay model sees them: pre-dispatch features plus the label.
-- Feature columns come only from facts fixed when the order is placed: its instant (hour and
-- weekday in the reporting zone), its delivery area (the order's own area when set, else the
-- customer's) and the promised duration. `is_late` is the only column derived from the delivery;
-- it is the label, and the feature builder (src/core/delay-model/features.ts) never reads it.
-- Orders without both a promised and an actual time (cancelled, in flight) are left out.
-- Repeatable migration: re-applied whenever this file changes.
drop view if exists delay_orders cascade;

create view delay_orders as
select
  o.order_id,
  o.order_date as ordered_at,
  business_day(o.order_date) as business_day,
  extract(hour from o.order_date at time zone report_tz())::int as hour_of_day,
  extract(dow from o.order_date at time zone report_tz())::int as day_of_week,
  t.area,
  area_key(t.area) as area_key,
  (extract(epoch from (t.promised - o.order_date)) / 60.0)::float8 as promised_minutes,
  t.actual > t.promised as is_late
from orders o
left join customers c on c.customer_id = o.customer_id
left join delivery_performance dp on dp.order_id = o.order_id
cross join lateral (
  select
    coalesce(o.promised_delivery_time, dp.promised_time) as promised,
    coalesce(o.actual_delivery_time, dp.actual_time) as actual,
    coalesce(nullif(btrim(o.area), ''), nullif(btrim(c.area), '')) as area
) t
where t.promised is not null
  and t.actual is not null
  and t.promised > o.order_date;
