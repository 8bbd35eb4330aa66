-- Full-text ranking of the filtered texts ($1-$5). $6: websearch query ("late or delay or …").
select f.content_hash, max(ts_rank_cd(to_tsvector('english', coalesce(f.feedback_text, '')), q)) as score
from rag_filtered_feedback($1, $2, $3, $4, $5) f, websearch_to_tsquery('english', $6) q
where to_tsvector('english', coalesce(f.feedback_text, '')) @@ q
group by f.content_hash
order by score desc, count(*) desc, f.content_hash
limit $7
