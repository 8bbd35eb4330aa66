-- Vectors of texts no feedback row has any more (edited or deleted feedback). NOT IN over the
-- hashed subquery computes each feedback hash once instead of once per vector.
delete from feedback_embeddings
where content_hash not in (
  select rag_text_hash(feedback_text) from customer_feedback where feedback_text is not null
)
