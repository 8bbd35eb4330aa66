-- Unfiltered nearest texts through the HNSW index (approximate). $1: query vector, $2: model id.
select content_hash, 1 - (embedding_vec <=> $1::vector) as score
from feedback_embeddings
where model_id = $2
order by embedding_vec <=> $1::vector
limit $3
