-- Importer: one batch of orders (see import_upsert_customers.sql for the pattern).
insert into orders as t (
  order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time,
  delivery_status, order_total, payment_method, delivery_partner_id, store_id, area
)
select * from unnest(
  $1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[],
  $6::text[], $7::numeric[], $8::text[], $9::text[], $10::text[], $11::text[]
) as r(
  order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time,
  delivery_status, order_total, payment_method, delivery_partner_id, store_id, area
)
on conflict (order_id) do update set
  customer_id = excluded.customer_id, order_date = excluded.order_date,
  promised_delivery_time = excluded.promised_delivery_time,
  actual_delivery_time = excluded.actual_delivery_time, delivery_status = excluded.delivery_status,
  order_total = excluded.order_total, payment_method = excluded.payment_method,
  delivery_partner_id = excluded.delivery_partner_id, store_id = excluded.store_id, area = excluded.area
where (t.customer_id, t.order_date, t.promised_delivery_time, t.actual_delivery_time, t.delivery_status,
       t.order_total, t.payment_method, t.delivery_partner_id, t.store_id, t.area)
  is distinct from
      (excluded.customer_id, excluded.order_date, excluded.promised_delivery_time,
       excluded.actual_delivery_time, excluded.delivery_status, excluded.order_total,
       excluded.payment_method, excluded.delivery_partner_id, excluded.store_id, excluded.area);
