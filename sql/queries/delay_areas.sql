-- Delivery areas with their delivered-order counts, busiest first (spellings differing only in
-- case or spacing are one area).
select min(area) as area, count(*) as orders
from delay_orders
where area is not null
group by area_key
order by orders desc, area;
