-- Area × hour slots on one weekday ($1, 0 = Sunday): how many orders such a day usually brings
-- and the typical promised duration, for ranking tomorrow's riskiest slots.
-- Slots with fewer than $2 orders in the whole history are left out as noise.
with weekdays as (
  select count(distinct business_day) as days from delay_orders where day_of_week = $1
)
select
  min(d.area) as area,
  d.hour_of_day,
  count(*) as orders,
  count(*)::float8 / greatest(w.days, 1) as orders_per_day,
  percentile_cont(0.5) within group (order by d.promised_minutes) as typical_promised_minutes
from delay_orders d
cross join weekdays w
where d.day_of_week = $1 and d.area is not null
group by d.area_key, d.hour_of_day, w.days
having count(*) >= $2
order by orders desc;
