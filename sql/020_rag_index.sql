-- Semantic index over customer feedback (issue 6).
--
-- pgvector is optional: PGlite ships it and most managed servers have it, but the Debian
-- PostgreSQL used in CI does not. Install it when the server offers it; the application probes
-- `to_regtype('vector')` at start and otherwise ranks vectors in process (exact cosine over real[]).
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'vector') then
    create extension if not exists vector;
  end if;
exception when insufficient_privilege then
  raise notice 'pgvector is available but this role may not install it; using in-process vector search';
end $$;

-- Identical feedback texts share one vector: the key is a hash of the whitespace-normalised text.
create function rag_text_hash(t text) returns text
  language sql immutable
  as $$ select md5(regexp_replace(btrim(t), '\s+', ' ', 'g')) $$;

-- Each feedback row's text hash, stored and indexed: computed per row on every question it made
-- retrieval at 100k rows about twice as slow (bench/rag.ts).
alter table customer_feedback
  add column content_hash text generated always as (rag_text_hash(feedback_text)) stored;
create index customer_feedback_content_hash_idx on customer_feedback (content_hash);

-- The model the index was built with; querying with another model is refused.
create table rag_index_meta (
  singleton boolean primary key default true check (singleton),
  model_id text not null,
  dim integer not null check (dim > 0),
  updated_at timestamptz not null default now()
);

-- One vector per distinct feedback text (a feedback row is indexed when its text's hash is here,
-- so edited texts are re-embedded and repeated texts are embedded once). real[] is the portable copy every engine can read;
-- on pgvector the application adds `embedding_vec vector(dim)` with an HNSW index.
create table feedback_embeddings (
  content_hash text primary key,
  model_id text not null,
  embedding real[] not null
);

-- Full-text search over feedback; queries must use this exact expression to hit the index.
create index customer_feedback_fts_idx on customer_feedback
  using gin (to_tsvector('english', coalesce(feedback_text, '')));

-- Feedback with everything retrieval filters on: the business day (feedback date, else the
-- order's day), the effective area (order's, else customer's) and its zone. The zone is a
-- correlated lookup through area_zones' primary key (a scalar subquery the planner cannot
-- flatten): joined as a table, the planner (no statistics right after a bulk import) chose a
-- nested loop evaluating area_key() per feedback × mapping pair, ~0.7 s per question on 20k
-- orders in PGlite instead of ~50 ms.
create view rag_feedback as
select
  f.feedback_id,
  f.feedback_text,
  f.rating,
  f.feedback_category,
  f.sentiment,
  coalesce(f.customer_id, o.customer_id) as customer_id,
  coalesce(f.feedback_date, business_day(o.order_date)) as day,
  coalesce(o.area, c.area) as area,
  (select m.zone from area_zones m where m.area_key = area_key(coalesce(o.area, c.area))) as zone,
  f.content_hash
from customer_feedback f
left join orders o on o.order_id = f.order_id
left join customers c on c.customer_id = coalesce(f.customer_id, o.customer_id)
where f.feedback_text is not null and btrim(f.feedback_text) <> '';

-- The one place retrieval filters are written; every rag query selects from it.
-- Null arguments mean "no filter".
create function rag_filtered_feedback(
  p_zone text, p_area_keys text[], p_from date, p_to date, p_max_rating integer
) returns setof rag_feedback
  language sql stable
  as $$
    select * from rag_feedback r
    where (p_zone is null or r.zone = p_zone)
      and (p_area_keys is null or area_key(r.area) = any (p_area_keys))
      and (p_from is null or r.day >= p_from)
      and (p_to is null or r.day <= p_to)
      and (p_max_rating is null or r.rating <= p_max_rating)
  $$;
