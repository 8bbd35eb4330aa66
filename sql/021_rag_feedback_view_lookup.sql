-- rag_feedback as in 020, but the zone is a correlated lookup through area_zones' primary key
-- (a scalar subquery, which the planner cannot flatten into a join).
-- Joined as a plain table, the planner (with no statistics after a bulk import) chose a nested
-- loop that evaluated area_key() for every feedback × mapping pair: ~0.7 s per question on
-- 20k orders in PGlite instead of ~50 ms.
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
  rag_text_hash(f.feedback_text) as content_hash
from customer_feedback f
left join orders o on o.order_id = f.order_id
left join customers c on c.customer_id = coalesce(f.customer_id, o.customer_id)
where f.feedback_text is not null and btrim(f.feedback_text) <> '';
