-- Vectors stored before pgvector was available get their pgvector copy.
update feedback_embeddings set embedding_vec = embedding::vector where embedding_vec is null
