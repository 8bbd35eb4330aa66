-- Orders, revenue and late deliveries per zone in the period $1..$2 (window 0) and in the four
-- windows before it shifted by $3 weeks each (windows 1-4: the same weekdays in earlier weeks).
-- $4 zone and $5 area keys narrow it to a place (null: everywhere).
with windows as (
  select k, ($1::date - 7 * $3::int * k) as from_day, ($2::date - 7 * $3::int * k) as to_day
  from generate_series(0, 4) as k
),
placed as (
  select
    business_day(o.order_date) as day,
    o.order_total,
    coalesce(z.zone, 'Unmapped') as zone,
    o.actual_delivery_time > o.promised_delivery_time as late
  from orders o
  left join customers c on c.customer_id = o.customer_id
  left join area_zones z on z.area_key = area_key(coalesce(o.area, c.area))
  where ($4::text is null or z.zone = $4::text)
    and ($5::text[] is null or area_key(coalesce(o.area, c.area)) = any ($5::text[]))
)
select
  w.k as window,
  p.zone,
  count(*) as orders,
  sum(p.order_total) as revenue,
  count(*) filter (where p.late) as late_orders,
  count(*) filter (where p.late is not null) as timed_orders
from windows w
join placed p on p.day between w.from_day and w.to_day
group by w.k, p.zone
order by w.k, p.zone
