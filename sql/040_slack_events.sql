-- Slack deliveries already handled, so a retried or replayed one produces no second answer.
-- Slack re-sends an event (same event_id, X-Slack-Retry-Num) when it gets no 200 within 3 s;
-- a replayed slash command or button press carries the same trigger_id. The primary key makes
-- INSERT … ON CONFLICT DO NOTHING the claim: whichever replica inserts the row answers.
create table slack_events (
  id text primary key,
  -- "event", "command", "action", "view"…: for operators reading the table.
  kind text not null,
  received_at timestamptz not null default now()
);

-- Rows are only needed for Slack's retry window; old ones are pruned by received_at.
create index slack_events_received_at on slack_events (received_at);
