-- The mapping for one area name, matched on the normalised key.
select area, state, zone from area_zones where area_key = area_key($1);
