-- The latest business day with feedback or orders: questions are relative to it.
select greatest(
  (select max(feedback_date) from customer_feedback),
  (select business_day(max(order_date)) from orders)
)::text as latest_day
