-- One row per distinct text among the filtered feedback ($1-$5), optionally only the texts
-- in $6 (null: all): how often it occurs, how many customers wrote it, and its latest
-- occurrence as the quote to cite.
with matching as (
  select * from rag_filtered_feedback($1, $2, $3, $4, $5)
  where $6::text[] is null or content_hash = any ($6::text[])
),
counts as (
  select content_hash, count(*) as occurrences, count(distinct customer_id) as customers
  from matching group by content_hash
)
select distinct on (m.content_hash)
  m.content_hash, m.feedback_id, m.feedback_text, m.day, m.area, m.zone, m.rating, m.feedback_category,
  c.occurrences, c.customers
from matching m
join counts c on c.content_hash = m.content_hash
order by m.content_hash, m.day desc nulls last, m.feedback_id
