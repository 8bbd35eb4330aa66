-- Importer: which of these customer ids already exist (foreign-key check before loading a batch).
select customer_id as key from customers where customer_id = any($1::text[]);
