-- Marketing spend and attributed revenue per channel in the same five windows as rag_metric_zones.
with windows as (
  select k, ($1::date - 7 * $3::int * k) as from_day, ($2::date - 7 * $3::int * k) as to_day
  from generate_series(0, 4) as k
)
select w.k as window, coalesce(nullif(btrim(m.channel), ''), 'Unknown') as channel,
  sum(m.spend) as spend, sum(m.revenue_generated) as attributed_revenue
from windows w
join marketing_performance m on m.date between w.from_day and w.to_day
group by w.k, 2
order by w.k, 2
