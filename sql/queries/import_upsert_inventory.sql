-- Importer: one batch of inventory rows (see import_upsert_customers.sql for the pattern).
insert into inventory as t (product_id, date, stock_received, damaged_stock)
select * from unnest($1::text[], $2::date[], $3::integer[], $4::integer[])
  as r(product_id, date, stock_received, damaged_stock)
on conflict (product_id, date) do update set
  stock_received = excluded.stock_received, damaged_stock = excluded.damaged_stock
where (t.stock_received, t.damaged_stock) is distinct from (excluded.stock_received, excluded.damaged_stock);
