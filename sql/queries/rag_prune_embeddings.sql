-- Vectors of texts no feedback row has any more (edited or deleted feedback). NOT IN over the
-- stored hashes runs as one hashed subplan.
delete from feedback_embeddings
where content_hash not in (
  select content_hash from customer_feedback where feedback_text is not null
)
