-- The promise customers usually get in these areas ($1, area keys) at this hour ($2): what a
-- plain-language question that names no promise is scored at. Falls back to the areas at any
-- hour, then to every order.
select coalesce(
  (select percentile_disc(0.5) within group (order by promised_minutes)
     from delay_orders where area_key = any($1::text[]) and hour_of_day = $2),
  (select percentile_disc(0.5) within group (order by promised_minutes)
     from delay_orders where area_key = any($1::text[])),
  (select percentile_disc(0.5) within group (order by promised_minutes) from delay_orders)
)::float8 as promised_minutes;
