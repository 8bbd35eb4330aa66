-- Each feedback row's text hash, stored: rag_feedback computed md5 of the normalised text for
-- every row on every question (and joined embeddings on it), which made retrieval grow to
-- ~1–2 s at 100k feedback rows. A stored generated column is computed once per write and indexed.
alter table customer_feedback
  add column content_hash text generated always as (rag_text_hash(feedback_text)) stored;
create index customer_feedback_content_hash_idx on customer_feedback (content_hash);

-- rag_feedback as in 021, reading the stored hash.
create or replace view rag_feedback as
select
  f.feedback_id,
  f.feedback_text,
  f.rating,
  f.feedback_category,
  f.sentiment,
  coalesce(f.customer_id, o.customer_id) as customer_id,
  coalesce(f.feedback_date, business_day(o.order_date)) as day,
  coalesce(o.area, c.area) as area,
  (select m.zone from area_zones m where m.area_key = area_key(coalesce(o.area, c.area))) as zone,
  f.content_hash
from customer_feedback f
left join orders o on o.order_id = f.order_id
left join customers c on c.customer_id = coalesce(f.customer_id, o.customer_id)
where f.feedback_text is not null and btrim(f.feedback_text) <> '';
