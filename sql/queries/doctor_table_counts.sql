-- Row counts of the data tables, for `blinkit doctor`.
select
  (select count(*) from customers) as customers,
  (select count(*) from products) as products,
  (select count(*) from orders) as orders,
  (select count(*) from order_items) as order_items,
  (select count(*) from marketing_performance) as marketing_performance,
  (select count(*) from delivery_performance) as delivery_performance,
  (select count(*) from customer_feedback) as customer_feedback,
  (select count(*) from inventory) as inventory,
  (select count(*) from import_quarantine) as import_quarantine,
  (select count(*) from schema_migrations) as migrations
