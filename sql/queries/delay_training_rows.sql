-- Delivered orders for training and evaluation, oldest first (the hold-out is the latest 20 %).
-- $1: earliest business day to include, or null for all.
select order_id, ordered_at, business_day, hour_of_day, day_of_week, area, promised_minutes, is_late
from delay_orders
where $1::date is null or business_day >= $1::date
order by ordered_at, order_id;
