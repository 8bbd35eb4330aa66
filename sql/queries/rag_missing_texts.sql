-- Distinct feedback texts that have no vector yet: the whole work list of an incremental index run.
select distinct on (h) h as content_hash, btrim(feedback_text) as text
from (
  select content_hash as h, feedback_text
  from customer_feedback
  where feedback_text is not null and btrim(feedback_text) <> ''
) f
where not exists (select 1 from feedback_embeddings e where e.content_hash = f.h)
order by h
