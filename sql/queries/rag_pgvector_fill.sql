update feedback_embeddings set embedding_vec = embedding::vector where content_hash = any ($1::text[])
