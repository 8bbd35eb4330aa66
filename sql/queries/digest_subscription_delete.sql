-- Unsubscribes a channel ($1); returns the row when there was one.
delete from digest_subscriptions where channel = $1 returning channel;
