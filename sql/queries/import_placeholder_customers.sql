-- Importer, exports without a customers file: a bare customer per unknown id so orders' foreign
-- keys hold; its area is the order's region. Existing customers are never touched.
insert into customers (customer_id, area)
select * from unnest($1::text[], $2::text[]) as r(customer_id, area)
on conflict (customer_id) do nothing;
