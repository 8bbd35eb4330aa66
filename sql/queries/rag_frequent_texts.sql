-- The most repeated texts among the filtered feedback ($1-$5): the ranking when a question names no topic.
select content_hash, count(*) as occurrences
from rag_filtered_feedback($1, $2, $3, $4, $5)
group by content_hash
order by occurrences desc, content_hash
limit $6
