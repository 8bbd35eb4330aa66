-- Additive totals over an inclusive day range ($1 = from, $2 = to). Ratios are derived from
-- these sums in TypeScript (ratio of sums, never an average of daily ratios).
select
  count(*) as days,
  coalesce(sum(orders), 0) as orders,
  coalesce(sum(cancelled_orders), 0) as cancelled_orders,
  coalesce(sum(revenue), 0) as revenue,
  coalesce(sum(spend), 0) as spend,
  coalesce(sum(attributed_revenue), 0) as attributed_revenue,
  coalesce(sum(timed_orders), 0) as timed_orders,
  coalesce(sum(late_orders), 0) as late_orders,
  coalesce(sum(delay_minutes_sum), 0) as delay_minutes_sum,
  coalesce(sum(feedback_count), 0) as feedback_count,
  coalesce(sum(negative_feedback_count), 0) as negative_feedback_count,
  coalesce(sum(rating_sum), 0) as rating_sum,
  coalesce(sum(rated_feedback_count), 0) as rated_feedback_count,
  count(*) filter (where spend = 0) as zero_spend_days
from master_daily_rollup
where day between $1::date and $2::date
