-- User mappings ($1 areas, $2 states, $3 zones as parallel arrays, keys unique): insert, or
-- overwrite whatever is there, built-in or user. `inserted` tells a new key from a replaced one.
insert into area_zones (area_key, area, state, zone, source)
select area_key(u.area), btrim(u.area), btrim(u.state), u.zone, 'user'
from unnest($1::text[], $2::text[], $3::text[]) as u (area, state, zone)
on conflict (area_key) do update
  set area = excluded.area, state = excluded.state, zone = excluded.zone, source = 'user'
returning (xmax = 0) as inserted;
