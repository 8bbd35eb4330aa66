-- The model the feedback index was built with, and whether pgvector is usable from this schema.
select
  (select model_id from rag_index_meta) as model_id,
  (select dim from rag_index_meta) as dim,
  (select updated_at::text from rag_index_meta) as version,
  to_regtype('vector') is not null as has_pgvector
