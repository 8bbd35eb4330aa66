-- Feedback rows and distinct texts, and how many of each have a vector.
select
  count(*) as rows_total,
  count(*) filter (where e.content_hash is not null) as rows_indexed,
  count(distinct f.h) as texts_total,
  count(distinct e.content_hash) as texts_indexed
from (
  select content_hash as h
  from customer_feedback
  where feedback_text is not null and btrim(feedback_text) <> ''
) f
left join feedback_embeddings e on e.content_hash = f.h
