-- Importer: which of these product ids already exist (foreign-key check before loading a batch).
select product_id as key from products where product_id = any($1::text[]);
