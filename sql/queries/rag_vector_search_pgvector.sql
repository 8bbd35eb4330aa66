-- Exact cosine ranking of the filtered texts with pgvector. The materialised CTEs keep the
-- planner from walking the HNSW index, which would filter after an approximate top-k and
-- could return fewer than $8 rows. $6: query vector, $7: model id.
with candidates as materialized (
  select distinct content_hash from rag_filtered_feedback($1, $2, $3, $4, $5)
),
scored as materialized (
  select e.content_hash, e.embedding_vec <=> $6::vector as distance
  from feedback_embeddings e
  join candidates c on c.content_hash = e.content_hash
  where e.model_id = $7
)
select content_hash, 1 - distance as score from scored order by distance, content_hash limit $8
