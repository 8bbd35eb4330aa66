-- Layer 1 of the seed: one row per calendar day joining order revenue, marketing spend and
-- delivery/feedback KPIs. Orders are transactional and marketing is daily; both are rolled up to
-- the business day (sql function business_day with the reporting zone from app_settings) and joined
-- on a calendar spine, so days with orders but no spend, spend but no orders, or neither, all
-- appear with zeros instead of vanishing. Every column is documented in sql/README.md.
-- Repeatable migration: re-applied whenever this file changes (dependents are rebuilt after it).
drop view if exists master_analytical_view cascade;

create view master_analytical_view as
with
-- Import CTEs: the raw tables, reduced to what this view needs.
settings as (
  select coalesce((select value from app_settings where key = 'report_tz'), 'Asia/Kolkata') as tz
),
order_rows as (
  select
    business_day(o.order_date, s.tz) as day,
    o.order_total,
    coalesce(o.delivery_status ilike 'cancel%', false) as is_cancelled,
    extract(epoch from (o.actual_delivery_time - o.promised_delivery_time)) / 60.0 as delay_minutes
  from orders o
  cross join settings s
),
marketing_rows as (
  select m.date as day, m.campaign_id, m.spend, m.revenue_generated, m.impressions, m.clicks, m.conversions
  from marketing_performance m
),
feedback_rows as (
  -- Feedback without its own date is dated by its order's business day.
  select coalesce(f.feedback_date, business_day(o.order_date, s.tz)) as day, f.rating
  from customer_feedback f
  left join orders o on o.order_id = f.order_id
  cross join settings s
),

-- Logical CTEs: one row per day and source.
daily_orders as (
  select
    day,
    count(*) filter (where not is_cancelled) as orders,
    count(*) filter (where is_cancelled) as cancelled_orders,
    coalesce(sum(order_total) filter (where not is_cancelled), 0) as revenue,
    count(delay_minutes) filter (where not is_cancelled) as timed_orders,
    count(*) filter (where not is_cancelled and delay_minutes > 0) as late_orders,
    coalesce(sum(greatest(delay_minutes, 0)) filter (where not is_cancelled), 0) as delay_minutes_sum
  from order_rows
  group by day
),
daily_marketing as (
  select
    day,
    sum(spend) as spend,
    coalesce(sum(revenue_generated), 0) as attributed_revenue,
    coalesce(sum(impressions), 0) as impressions,
    coalesce(sum(clicks), 0) as clicks,
    coalesce(sum(conversions), 0) as conversions,
    count(*) filter (where spend > 0) as active_campaigns
  from marketing_rows
  group by day
),
daily_feedback as (
  select
    day,
    count(*) as feedback_count,
    count(*) filter (where rating <= 2) as negative_feedback_count,
    sum(rating) as rating_sum,
    count(rating) as rated_feedback_count
  from feedback_rows
  where day is not null
  group by day
),
calendar as (
  select generate_series(min(day), max(day), interval '1 day')::date as day
  from (
    select day from daily_orders
    union all
    select day from daily_marketing
  ) as observed_days
),

-- Final select: zeros for missing days, NULL only where a ratio is undefined.
joined as (
  select
    c.day,
    coalesce(o.orders, 0) as orders,
    coalesce(o.cancelled_orders, 0) as cancelled_orders,
    coalesce(o.revenue, 0)::numeric(16, 2) as revenue,
    coalesce(m.spend, 0)::numeric(16, 2) as spend,
    coalesce(m.attributed_revenue, 0)::numeric(16, 2) as attributed_revenue,
    coalesce(m.impressions, 0) as impressions,
    coalesce(m.clicks, 0) as clicks,
    coalesce(m.conversions, 0) as conversions,
    coalesce(m.active_campaigns, 0) as active_campaigns,
    coalesce(o.timed_orders, 0) as timed_orders,
    coalesce(o.late_orders, 0) as late_orders,
    coalesce(o.delay_minutes_sum, 0) as delay_minutes_sum,
    coalesce(f.feedback_count, 0) as feedback_count,
    coalesce(f.negative_feedback_count, 0) as negative_feedback_count,
    coalesce(f.rating_sum, 0) as rating_sum,
    coalesce(f.rated_feedback_count, 0) as rated_feedback_count
  from calendar c
  left join daily_orders o on o.day = c.day
  left join daily_marketing m on m.day = c.day
  left join daily_feedback f on f.day = c.day
)
select
  j.*,
  round(j.revenue / nullif(j.orders, 0), 2) as avg_order_value,
  round(j.revenue / nullif(j.spend, 0), 4) as roas,
  round(j.attributed_revenue / nullif(j.spend, 0), 4) as attributed_roas,
  round(j.delay_minutes_sum / nullif(j.timed_orders, 0), 2) as avg_delay_minutes_all_orders,
  round(j.delay_minutes_sum / nullif(j.late_orders, 0), 2) as avg_delay_minutes_late_orders,
  round(j.late_orders::numeric / nullif(j.timed_orders, 0), 4) as late_rate,
  round(j.rating_sum::numeric / nullif(j.rated_feedback_count, 0), 2) as avg_rating
from joined j;
