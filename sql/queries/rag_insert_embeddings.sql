-- $2: content hashes, $3: vectors as '{x,y,…}' literals, pairwise.
insert into feedback_embeddings (content_hash, model_id, embedding)
select h, $1, v::real[] from unnest($2::text[], $3::text[]) as t(h, v)
on conflict (content_hash) do update set model_id = excluded.model_id, embedding = excluded.embedding
