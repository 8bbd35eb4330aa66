-- Feedback rows among the filtered ones ($1-$5) that use a theme's words ($6, a websearch query
-- such as "rude or rudely or behaviour"): the count behind "About rude or unprofessional staff".
select count(*) as feedback
from rag_filtered_feedback($1, $2, $3, $4, $5) f
where to_tsvector('english', coalesce(f.feedback_text, '')) @@ websearch_to_tsquery('english', $6)
