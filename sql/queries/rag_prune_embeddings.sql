-- Vectors of texts no feedback row has any more (edited or deleted feedback).
delete from feedback_embeddings e
where not exists (
  select 1 from customer_feedback f
  where f.feedback_text is not null and rag_text_hash(f.feedback_text) = e.content_hash
)
