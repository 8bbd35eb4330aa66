-- Every area name the bot knows of: mapped ones and those seen in the data.
select area from area_zones
union
select area from customers where area is not null and btrim(area) <> ''
union
select area from orders where area is not null and btrim(area) <> '';
