-- Negative feedback (rating ≤ 2, as in master_analytical_view) per zone: on day $1, and in total
-- over the norm window $2..$3. A review's day is its own date, else its order's business day;
-- its place is the order's delivery area, else the customer's area, mapped through area_zones.
-- Reviews whose area maps to no zone are left out (see `blinkit zones unmapped`).
with negative as (
  select
    coalesce(f.feedback_date, business_day(o.order_date)) as day,
    z.zone
  from customer_feedback f
  left join orders o on o.order_id = f.order_id
  left join customers c on c.customer_id = coalesce(f.customer_id, o.customer_id)
  join area_zones z on z.area_key = area_key(coalesce(o.area, c.area))
  where f.rating <= 2
)
select
  zone,
  count(*) filter (where day = $1::date) as day_count,
  count(*) filter (where day between $2::date and $3::date) as norm_count
from negative
where day between $2::date and $1::date
group by zone
order by day_count desc, zone;
