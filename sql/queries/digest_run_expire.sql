-- Gives up on unfinished runs scheduled before $1 (now $3): marked failed for good with reason
-- $2, so an old morning is never posted days late and never silently lost either. A claim whose
-- lease is still running is left to its worker.
update digest_runs
set status = 'failed',
    next_attempt_at = null,
    last_error = coalesce(last_error || '; ', '') || $2
where scheduled_for < $1
  and (
    (status = 'failed' and next_attempt_at is not null)
    or (status = 'claimed' and lease_until <= $3)
  )
returning channel, report_date, attempts;
