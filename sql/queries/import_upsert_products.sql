-- Importer: one batch of products (see import_upsert_customers.sql for the pattern).
insert into products as t (
  product_id, product_name, category, brand, price, mrp, margin_percentage,
  shelf_life_days, min_stock_level, max_stock_level
)
select * from unnest(
  $1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[],
  $8::integer[], $9::integer[], $10::integer[]
) as r(
  product_id, product_name, category, brand, price, mrp, margin_percentage,
  shelf_life_days, min_stock_level, max_stock_level
)
on conflict (product_id) do update set
  product_name = excluded.product_name, category = excluded.category, brand = excluded.brand,
  price = excluded.price, mrp = excluded.mrp, margin_percentage = excluded.margin_percentage,
  shelf_life_days = excluded.shelf_life_days, min_stock_level = excluded.min_stock_level,
  max_stock_level = excluded.max_stock_level
where (t.product_name, t.category, t.brand, t.price, t.mrp, t.margin_percentage, t.shelf_life_days,
       t.min_stock_level, t.max_stock_level)
  is distinct from
      (excluded.product_name, excluded.category, excluded.brand, excluded.price, excluded.mrp,
       excluded.margin_percentage, excluded.shelf_life_days, excluded.min_stock_level,
       excluded.max_stock_level);
