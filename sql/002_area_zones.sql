-- Maps a customer's area (a city or a well-known locality) to its state and zone.
-- `area_key` is the normalised lookup key: lower case, trimmed, inner whitespace collapsed.
-- Built-in rows are loaded by a later migration; users add or correct rows with
-- `blinkit zones add` or `blinkit zones import <csv>` (source = 'user', never overwritten by built-ins).
create table area_zones (
  area_key text primary key,
  area text not null,
  state text not null,
  zone text not null check (zone in ('North', 'South', 'East', 'West', 'Central', 'North-East')),
  source text not null default 'builtin' check (source in ('builtin', 'user'))
);
create index area_zones_zone_idx on area_zones (zone);

create function area_key(area text) returns text
  language sql immutable
  as $$ select lower(regexp_replace(btrim(area), '\s+', ' ', 'g')) $$;
