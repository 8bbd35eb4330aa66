-- Distinct texts among the feedback that passes the filters ($1-$5, see rag_filtered_feedback).
select distinct content_hash from rag_filtered_feedback($1, $2, $3, $4, $5)
