-- Importer: one batch of customers, one array per column. Rows identical to the stored ones are
-- left untouched, so re-importing the same file changes nothing (the row count says what changed).
insert into customers as t (
  customer_id, customer_name, email, phone, address, area, pincode,
  registration_date, customer_segment, total_orders, avg_order_value
)
select * from unnest(
  $1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
  $8::date[], $9::text[], $10::integer[], $11::numeric[]
) as r(
  customer_id, customer_name, email, phone, address, area, pincode,
  registration_date, customer_segment, total_orders, avg_order_value
)
on conflict (customer_id) do update set
  customer_name = excluded.customer_name, email = excluded.email, phone = excluded.phone,
  address = excluded.address, area = excluded.area, pincode = excluded.pincode,
  registration_date = excluded.registration_date, customer_segment = excluded.customer_segment,
  total_orders = excluded.total_orders, avg_order_value = excluded.avg_order_value
where (t.customer_name, t.email, t.phone, t.address, t.area, t.pincode, t.registration_date,
       t.customer_segment, t.total_orders, t.avg_order_value)
  is distinct from
      (excluded.customer_name, excluded.email, excluded.phone, excluded.address, excluded.area,
       excluded.pincode, excluded.registration_date, excluded.customer_segment, excluded.total_orders,
       excluded.avg_order_value);
