-- Marks run $1 failed with error $3, retrying at $4 (null: final), only if attempt $2 is
-- still the current claim.
update digest_runs
set status = 'failed', last_error = $3, next_attempt_at = $4
where id = $1 and attempts = $2 and status = 'claimed'
returning id;
