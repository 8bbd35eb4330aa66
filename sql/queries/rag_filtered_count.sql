-- How much feedback passes the filters ($1-$5): rows, distinct texts, distinct customers.
select count(*) as feedback, count(distinct content_hash) as texts, count(distinct customer_id) as customers
from rag_filtered_feedback($1, $2, $3, $4, $5)
