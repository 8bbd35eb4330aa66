-- Runs worth another attempt at $1: failed with a retry due, or claimed by a worker whose lease
-- ran out; fewer than $2 attempts; scheduled no earlier than $3 (older mornings are given up).
select channel, report_date, scheduled_for
from digest_runs
where status <> 'posted'
  and attempts < $2
  and scheduled_for >= $3
  and (
    (status = 'failed' and next_attempt_at <= $1)
    or (status = 'claimed' and lease_until <= $1)
  )
order by scheduled_for, channel;
