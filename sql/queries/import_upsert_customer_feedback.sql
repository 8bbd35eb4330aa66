-- Importer: one batch of feedback rows (see import_upsert_customers.sql for the pattern).
insert into customer_feedback as t (
  feedback_id, order_id, customer_id, rating, feedback_text, feedback_category, sentiment, feedback_date
)
select * from unnest(
  $1::text[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::date[]
) as r(
  feedback_id, order_id, customer_id, rating, feedback_text, feedback_category, sentiment, feedback_date
)
on conflict (feedback_id) do update set
  order_id = excluded.order_id, customer_id = excluded.customer_id, rating = excluded.rating,
  feedback_text = excluded.feedback_text, feedback_category = excluded.feedback_category,
  sentiment = excluded.sentiment, feedback_date = excluded.feedback_date
where (t.order_id, t.customer_id, t.rating, t.feedback_text, t.feedback_category, t.sentiment,
       t.feedback_date)
  is distinct from
      (excluded.order_id, excluded.customer_id, excluded.rating, excluded.feedback_text,
       excluded.feedback_category, excluded.sentiment, excluded.feedback_date);
