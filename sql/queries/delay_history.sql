-- Observed late rates around one slot, so a user can judge a prediction: the areas ($1, area
-- keys; a zone gives several) at the hour ($2), the areas at any hour, and every area at the hour.
select
  count(*) filter (where area_key = any($1::text[]) and hour_of_day = $2) as slot_orders,
  avg(is_late::int) filter (where area_key = any($1::text[]) and hour_of_day = $2) as slot_late_rate,
  count(*) filter (where area_key = any($1::text[])) as area_orders,
  avg(is_late::int) filter (where area_key = any($1::text[])) as area_late_rate,
  count(*) filter (where hour_of_day = $2) as hour_orders,
  avg(is_late::int) filter (where hour_of_day = $2) as hour_late_rate
from delay_orders;
