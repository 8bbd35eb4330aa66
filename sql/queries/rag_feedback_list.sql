-- Every feedback row that passes the filters ($1-$5), newest first, up to $6 rows.
select feedback_id, feedback_text, day, area, zone, rating
from rag_filtered_feedback($1, $2, $3, $4, $5)
order by day desc nulls last, feedback_id
limit $6
