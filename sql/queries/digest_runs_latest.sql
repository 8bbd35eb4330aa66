-- The most recent run of each channel, for `/digest list`.
select distinct on (channel) channel, report_date, status, attempts, posted_at, last_error
from digest_runs
order by channel, report_date desc;
