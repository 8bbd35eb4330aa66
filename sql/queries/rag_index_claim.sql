-- Records (or re-stamps) the model the index is built with; the stamp invalidates vector caches.
insert into rag_index_meta (singleton, model_id, dim, updated_at)
values (true, $1, $2, clock_timestamp())
on conflict (singleton) do update set model_id = excluded.model_id, dim = excluded.dim, updated_at = excluded.updated_at
