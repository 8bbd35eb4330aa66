-- Every subscription, read on each scheduler tick so changes apply without a restart.
select channel, local_time, time_zone, sections, created_by, created_at
from digest_subscriptions
order by channel;
