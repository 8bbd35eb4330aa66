-- Importer: one batch of campaign-days (see import_upsert_customers.sql for the pattern).
insert into marketing_performance as t (
  campaign_id, campaign_name, date, target_audience, channel, impressions, clicks, conversions,
  spend, revenue_generated, roas
)
select * from unnest(
  $1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[],
  $9::numeric[], $10::numeric[], $11::numeric[]
) as r(
  campaign_id, campaign_name, date, target_audience, channel, impressions, clicks, conversions,
  spend, revenue_generated, roas
)
on conflict (campaign_id, date) do update set
  campaign_name = excluded.campaign_name, target_audience = excluded.target_audience,
  channel = excluded.channel, impressions = excluded.impressions, clicks = excluded.clicks,
  conversions = excluded.conversions, spend = excluded.spend,
  revenue_generated = excluded.revenue_generated, roas = excluded.roas
where (t.campaign_name, t.target_audience, t.channel, t.impressions, t.clicks, t.conversions, t.spend,
       t.revenue_generated, t.roas)
  is distinct from
      (excluded.campaign_name, excluded.target_audience, excluded.channel, excluded.impressions,
       excluded.clicks, excluded.conversions, excluded.spend, excluded.revenue_generated, excluded.roas);
