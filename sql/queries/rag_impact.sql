-- Business impact of the complaints that pass the filters ($1-$5): who complained, what share
-- of the place's customers they are, and what they normally spend — from orders in the 90
-- days up to the end of the period — so "revenue at risk" comes from data, not from a model.
with complainers as (
  select distinct customer_id from rag_filtered_feedback($1, $2, $3, $4, $5) where customer_id is not null
),
customer_areas as (
  select customer_id, area_key(area) as key from customers where area is not null
  union
  select customer_id, area_key(area) from orders where area is not null
),
area_zone as (
  -- Each distinct area looked up once, through area_zones' primary key.
  select a.key, (select m.zone from area_zones m where m.area_key = a.key) as zone
  from (select distinct key from customer_areas) a
),
place_customers as (
  select distinct ca.customer_id
  from customer_areas ca
  join area_zone az on az.key = ca.key
  where ($1::text is null or az.zone = $1::text)
    and ($2::text[] is null or az.key = any ($2::text[]))
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
