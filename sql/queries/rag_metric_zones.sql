-- Orders, revenue and late deliveries per zone in the period $1..$2 (window 0) and in the four
-- windows before it shifted by $3 weeks each (windows 1-4: the same weekdays in earlier weeks).
-- $4 zone and $5 area keys narrow it to a place (null: everywhere).
with windows as (
  select k, ($1::date - 7 * $3::int * k) as from_day, ($2::date - 7 * $3::int * k) as to_day
  from generate_series(0, 4) as k
),
in_windows as (
  -- Instants bounding each window's business days, so the order_date index applies.
  select w.k, o.order_total, o.actual_delivery_time > o.promised_delivery_time as late,
    coalesce(o.area, c.area) as area
  from windows w
  join orders o
    on o.order_date >= (w.from_day::timestamp at time zone report_tz())
   and o.order_date < ((w.to_day + 1)::timestamp at time zone report_tz())
  left join customers c on c.customer_id = o.customer_id
),
placed as (
  select i.*,
    coalesce((select m.zone from area_zones m where m.area_key = area_key(i.area)), 'Unmapped') as zone
  from in_windows i
)
select
  k as window,
  zone,
  count(*) as orders,
  sum(order_total) as revenue,
  count(*) filter (where late) as late_orders,
  count(*) filter (where late is not null) as timed_orders
from placed
where ($4::text is null or zone = $4::text)
  and ($5::text[] is null or area_key(area) = any ($5::text[]))
group by k, zone
order by k, zone
