-- Per zone (in the order given by $1): mapped areas, and distinct customers whose area
-- (from customers.area or a per-order area) maps to the zone.
with customer_areas as (
  select customer_id, area from customers where area is not null
  union
  select customer_id, area from orders where area is not null
),
zone_customers as (
  select m.zone, count(distinct ca.customer_id) as customers
  from customer_areas ca
  join area_zones m on m.area_key = area_key(ca.area)
  group by m.zone
),
zone_areas as (
  select zone, count(*) as areas from area_zones group by zone
)
select z.zone, coalesce(za.areas, 0) as areas, coalesce(zc.customers, 0) as customers
from unnest($1::text[]) with ordinality as z (zone, position)
left join zone_areas za on za.zone = z.zone
left join zone_customers zc on zc.zone = z.zone
order by z.position;
