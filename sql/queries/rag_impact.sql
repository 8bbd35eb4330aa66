-- Business impact of the complaints that pass the filters ($1-$5): who complained, what share
-- of the place's customers they are, and what they normally spend — from orders in the 90
-- days up to the end of the period — so "revenue at risk" comes from data, not from a model.
with complainers as (
  select distinct customer_id from rag_filtered_feedback($1, $2, $3, $4, $5) where customer_id is not null
),
place_customers as (
  select distinct ca.customer_id
  from (
    select customer_id, area from customers
    union
    select customer_id, area from orders
  ) ca
  left join area_zones z on z.area_key = area_key(ca.area)
  where ($1::text is null or z.zone = $1)
    and ($2::text[] is null or area_key(ca.area) = any ($2::text[]))
),
period_end as (
  select coalesce($4::date, (select max(business_day(order_date)) from orders)) as day
),
recent_orders as (
  select o.customer_id, o.order_total
  from orders o
  join complainers c on c.customer_id = o.customer_id
  cross join period_end p
  where business_day(o.order_date) > p.day - 90 and business_day(o.order_date) <= p.day
)
select
  (select count(*) from complainers) as complainers,
  (select count(*) from place_customers) as place_customers,
  (select avg(order_total) from recent_orders) as avg_order_value,
  (select count(*) from recent_orders)::numeric / nullif((select count(*) from complainers), 0) / 3
    as monthly_orders_per_customer,
  (select sum(order_total) from recent_orders) / 3 as monthly_revenue
