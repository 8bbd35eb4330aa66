-- A cheap summary of the feedback texts (no hashing): when it is unchanged since the last
-- index build, there is nothing new to embed.
select count(*)::text || ':' || coalesce(sum(length(feedback_text)), 0)::text as fingerprint
from customer_feedback
