-- First and last business day that carry any orders or marketing spend.
select
  min(day) filter (where orders > 0 or spend > 0 or cancelled_orders > 0) as first_day,
  max(day) filter (where orders > 0 or spend > 0 or cancelled_orders > 0) as last_day
from master_daily_rollup
