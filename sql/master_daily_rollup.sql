-- A stored copy of master_analytical_view: the view recomputes every day from the raw orders
-- on each query (hundreds of ms at 1M orders), the rollup answers any range from ~400 rows.
-- Refreshed after every import (src/core/kpis/rollup.ts); KPI queries read it.
-- Repeatable migration: rebuilt whenever the view or this file changes.
drop materialized view if exists master_daily_rollup;

create materialized view master_daily_rollup as
select * from master_analytical_view;

create unique index master_daily_rollup_day_idx on master_daily_rollup (day);
