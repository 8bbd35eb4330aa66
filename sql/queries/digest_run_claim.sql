-- Claims (channel $1, report_date $2) for worker $3 at $4 (slot $5, lease until $6).
-- The unique (channel, report_date) makes this the exactly-once point: a second worker,
-- a restart or a manual re-run inserts nothing and gets no row back.
insert into digest_runs (channel, report_date, status, attempts, scheduled_for, claimed_by, claimed_at, lease_until)
values ($1, $2::date, 'claimed', 1, $5, $3, $4, $6)
on conflict (channel, report_date) do nothing
returning id, attempts;
