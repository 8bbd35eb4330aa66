-- Takes over a run (channel $1, report_date $2) for worker $3 at $4 (lease until $5) when it
-- failed and its retry is due, or its claim's lease expired (the worker crashed), and fewer than
-- $6 attempts were made. The row lock serialises racing workers: the loser re-checks the WHERE
-- against the winner's update and matches nothing.
update digest_runs
set status = 'claimed',
    attempts = attempts + 1,
    claimed_by = $3,
    claimed_at = $4,
    lease_until = $5,
    next_attempt_at = null
where channel = $1
  and report_date = $2::date
  and attempts < $6
  and (
    (status = 'failed' and next_attempt_at <= $4)
    or (status = 'claimed' and lease_until <= $4)
  )
returning id, attempts;
