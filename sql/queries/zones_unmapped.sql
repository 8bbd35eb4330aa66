-- Areas seen in customers.area or orders.area with no mapping, most customers first.
-- Spellings that differ only in case or spacing are one area.
with customer_areas as (
  select customer_id, area from customers where area is not null
  union
  select customer_id, area from orders where area is not null
)
select min(ca.area) as area, count(distinct ca.customer_id) as customers
from customer_areas ca
where btrim(ca.area) <> ''
  and not exists (select 1 from area_zones m where m.area_key = area_key(ca.area))
group by area_key(ca.area)
order by customers desc, area;
