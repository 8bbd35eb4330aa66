-- Importer: which of these order ids already exist (foreign-key check before loading a batch).
select order_id as key from orders where order_id = any($1::text[]);
