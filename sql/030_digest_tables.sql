-- The morning digest: who gets it (subscriptions) and what was sent (runs).

-- One subscription per channel: subscribing again changes its time, zone or sections.
-- `local_time` is wall-clock time in `time_zone`, so 08:30 stays 08:30 across DST changes.
create table digest_subscriptions (
  channel text primary key,
  local_time text not null check (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  time_zone text not null,
  sections text[] not null,
  created_by text not null,
  created_at timestamptz not null default now()
);

-- Exactly once per channel per day: the unique (channel, report_date) row is the claim.
-- A worker inserts it with ON CONFLICT DO NOTHING before composing; whoever inserted it posts.
-- `report_date` is the subscriber's local calendar date of the scheduled slot (the morning
-- the digest is for). `attempts` doubles as a fencing token: a worker only updates the row
-- while the attempt it claimed is still the current one.
create table digest_runs (
  id bigserial primary key,
  channel text not null,
  report_date date not null,
  status text not null check (status in ('claimed', 'posted', 'failed')),
  attempts integer not null default 1 check (attempts >= 1),
  scheduled_for timestamptz not null,
  claimed_by text not null,
  claimed_at timestamptz not null,
  -- A claim older than this with no outcome is presumed crashed and may be taken over.
  lease_until timestamptz not null,
  -- Set while a failed run waits for its next attempt; null once it is final.
  next_attempt_at timestamptz,
  posted_at timestamptz,
  last_error text,
  unique (channel, report_date)
);
create index digest_runs_pending_idx on digest_runs (status) where status <> 'posted';
