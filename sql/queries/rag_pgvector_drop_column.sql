drop index if exists feedback_embeddings_hnsw_idx;
alter table feedback_embeddings drop column if exists embedding_vec;
