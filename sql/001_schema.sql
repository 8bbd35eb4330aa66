-- Core tables in the layout of the public Blinkit export (one table per CSV file).
-- Identifiers are text: exports use numeric ids today, but they are labels, not quantities,
-- and other exports use codes such as 'ORD001'. Money is numeric(14,2). Instants are timestamptz;
-- naive export timestamps are read in the import time zone (Asia/Kolkata unless configured).

-- Settings the SQL itself needs (the reporting time zone used to cut business days).
create table app_settings (
  key text primary key,
  value text not null
);
insert into app_settings (key, value) values ('report_tz', 'Asia/Kolkata');

-- The one place a business day is computed: the calendar date of an instant in a time zone.
-- The zone is an argument (callers read it from app_settings, e.g. report_tz()), so the function
-- looks nothing up: it inlines, and it works where search_path is restricted (PostgreSQL 17's
-- REFRESH MATERIALIZED VIEW runs with search_path = pg_catalog).
create function business_day(ts timestamptz, tz text) returns date
  language sql immutable parallel safe
  as $$ select (ts at time zone tz)::date $$;

create function report_tz() returns text
  language sql stable
  as $$ select coalesce((select value from app_settings where key = 'report_tz'), 'Asia/Kolkata') $$;

-- Shorthand for queries: the business day in the configured reporting zone. It looks the zone up,
-- so materialized views must use the two-argument form instead.
create function business_day(ts timestamptz) returns date
  language sql stable
  as $$ select business_day(ts, report_tz()) $$;

create table customers (
  customer_id text primary key,
  customer_name text,
  email text,
  phone text,
  address text,
  area text,
  pincode text,
  registration_date date,
  customer_segment text,
  total_orders integer check (total_orders >= 0),
  avg_order_value numeric(14, 2)
);
create index customers_area_idx on customers (lower(area));

create table products (
  product_id text primary key,
  product_name text,
  category text,
  brand text,
  price numeric(14, 2) check (price >= 0),
  mrp numeric(14, 2) check (mrp >= 0),
  margin_percentage numeric(6, 2),
  shelf_life_days integer,
  min_stock_level integer,
  max_stock_level integer
);

create table orders (
  order_id text primary key,
  customer_id text not null references customers (customer_id),
  order_date timestamptz not null,
  promised_delivery_time timestamptz,
  actual_delivery_time timestamptz,
  delivery_status text,
  order_total numeric(14, 2) not null check (order_total >= 0),
  payment_method text,
  delivery_partner_id text,
  store_id text,
  -- Delivery locality when the export carries it per order (e.g. a 'region' column);
  -- otherwise the customer's area applies.
  area text
);
create index orders_order_date_idx on orders (order_date);
create index orders_customer_idx on orders (customer_id);
create index orders_area_idx on orders (lower(area));

create table order_items (
  order_id text not null references orders (order_id),
  product_id text not null references products (product_id),
  quantity integer not null check (quantity > 0),
  unit_price numeric(14, 2) not null check (unit_price >= 0),
  primary key (order_id, product_id)
);
create index order_items_product_idx on order_items (product_id);

create table marketing_performance (
  campaign_id text not null,
  campaign_name text,
  date date not null,
  target_audience text,
  channel text,
  impressions bigint check (impressions >= 0),
  clicks bigint check (clicks >= 0),
  conversions bigint check (conversions >= 0),
  spend numeric(14, 2) not null check (spend >= 0),
  revenue_generated numeric(14, 2) check (revenue_generated >= 0),
  roas numeric(10, 4),
  primary key (campaign_id, date)
);
create index marketing_performance_date_idx on marketing_performance (date);

create table delivery_performance (
  order_id text primary key references orders (order_id),
  delivery_partner_id text,
  promised_time timestamptz,
  actual_time timestamptz,
  delivery_time_minutes numeric(8, 2),
  distance_km numeric(8, 2),
  delivery_status text,
  reasons_if_delayed text
);

create table customer_feedback (
  feedback_id text primary key,
  order_id text references orders (order_id),
  customer_id text references customers (customer_id),
  rating smallint check (rating between 1 and 5),
  feedback_text text,
  feedback_category text,
  sentiment text,
  -- Null when the export has no feedback date; queries then fall back to the order's day.
  feedback_date date
);
create index customer_feedback_date_idx on customer_feedback (feedback_date);
create index customer_feedback_order_idx on customer_feedback (order_id);
create index customer_feedback_customer_idx on customer_feedback (customer_id);

create table inventory (
  product_id text not null references products (product_id),
  date date not null,
  stock_received integer check (stock_received >= 0),
  damaged_stock integer check (damaged_stock >= 0),
  primary key (product_id, date)
);

-- Rows the importer refused, with where they came from and why; good rows load regardless.
create table import_quarantine (
  id bigserial primary key,
  import_id text not null,
  file_name text not null,
  line_number integer not null,
  reason text not null,
  raw_record text,
  created_at timestamptz not null default now()
);
create index import_quarantine_import_idx on import_quarantine (import_id);
