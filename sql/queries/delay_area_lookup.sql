-- One area of the data by name ($1, case and spacing ignored), with its delivered-order count.
select min(area) as area, count(*) as orders
from delay_orders
where area_key = area_key($1)
group by area_key;
