-- Adds the pgvector copy of each embedding and its HNSW index. {{dim}} is the embedder's
-- dimension (an integer checked by the caller): a column type cannot be a bind parameter.
alter table feedback_embeddings add column if not exists embedding_vec vector({{dim}});
create index if not exists feedback_embeddings_hnsw_idx on feedback_embeddings
  using hnsw (embedding_vec vector_cosine_ops);
