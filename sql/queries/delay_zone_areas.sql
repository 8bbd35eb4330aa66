-- Areas of the data that map to a zone ($1), with their delivered-order counts, busiest first.
select min(d.area) as area, count(*) as orders
from delay_orders d
join area_zones z on z.area_key = d.area_key
where z.zone = $1
group by d.area_key
order by orders desc, area;
