select content_hash, embedding from feedback_embeddings where model_id = $1
