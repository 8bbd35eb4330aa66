-- One row per calendar day in the inclusive range ($1 = from, $2 = to).
select
  day, orders, cancelled_orders, revenue, spend, attributed_revenue, roas, attributed_roas,
  avg_order_value, avg_delay_minutes_all_orders, avg_delay_minutes_late_orders, late_rate,
  timed_orders, late_orders, feedback_count, negative_feedback_count, avg_rating
from master_daily_rollup
where day between $1::date and $2::date
order by day
