-- Marks run $1 posted at $3, only if attempt $2 is still the current claim.
update digest_runs
set status = 'posted', posted_at = $3, last_error = null, next_attempt_at = null
where id = $1 and attempts = $2 and status = 'claimed'
returning id;
