-- Forgets deliveries older than $1 seconds: Slack retries within minutes and the signature's
-- replay window is five, so an hour-old id can never come back.
delete from slack_events
where received_at < now() - make_interval(secs => $1);
