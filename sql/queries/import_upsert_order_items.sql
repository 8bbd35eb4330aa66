-- Importer: one batch of order items (see import_upsert_customers.sql for the pattern).
insert into order_items as t (order_id, product_id, quantity, unit_price)
select * from unnest($1::text[], $2::text[], $3::integer[], $4::numeric[])
  as r(order_id, product_id, quantity, unit_price)
on conflict (order_id, product_id) do update set
  quantity = excluded.quantity, unit_price = excluded.unit_price
where (t.quantity, t.unit_price) is distinct from (excluded.quantity, excluded.unit_price);
