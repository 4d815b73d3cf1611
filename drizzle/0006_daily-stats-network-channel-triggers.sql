-- transaction_daily_stats gains the network and channel ("Type") dimensions, so the counters of the
-- Network and Type filters come from the per-day aggregates too. The trigger function (0003) now
-- groups by them, and the table is rebuilt from the transactions once.
CREATE OR REPLACE FUNCTION transaction_daily_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO transaction_daily_stats AS s (integrator_id, environment, kind, currency, country, day, status, network, channel, count, amount, fee)
    SELECT integrator_id, environment, kind, currency, country, (created_at AT TIME ZONE 'UTC')::date, status, coalesce(network, ''), channel, count(*), coalesce(sum(amount), 0), coalesce(sum(fee), 0)
    FROM tx_new GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (integrator_id, environment, kind, currency, country, day, status, network, channel) DO UPDATE
      SET count = s.count + excluded.count, amount = s.amount + excluded.amount, fee = s.fee + excluded.fee;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO transaction_daily_stats AS s (integrator_id, environment, kind, currency, country, day, status, network, channel, count, amount, fee)
    SELECT integrator_id, environment, kind, currency, country, (created_at AT TIME ZONE 'UTC')::date, status, coalesce(network, ''), channel, -count(*), -coalesce(sum(amount), 0), -coalesce(sum(fee), 0)
    FROM tx_old GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (integrator_id, environment, kind, currency, country, day, status, network, channel) DO UPDATE
      SET count = s.count + excluded.count, amount = s.amount + excluded.amount, fee = s.fee + excluded.fee;
  ELSE
    INSERT INTO transaction_daily_stats AS s (integrator_id, environment, kind, currency, country, day, status, network, channel, count, amount, fee)
    SELECT integrator_id, environment, kind, currency, country, day, status, network, channel, sum(c), sum(a), sum(f)
    FROM (
      SELECT o.integrator_id, o.environment, o.kind, o.currency, o.country, (o.created_at AT TIME ZONE 'UTC')::date AS day,
             o.status, coalesce(o.network, '') AS network, o.channel, -1 AS c, -o.amount AS a, -o.fee AS f
      FROM tx_old o JOIN tx_new n ON n.id = o.id
      WHERE (o.integrator_id, o.environment, o.kind, o.currency, o.country, o.created_at, o.status, o.network, o.channel, o.amount, o.fee)
            IS DISTINCT FROM (n.integrator_id, n.environment, n.kind, n.currency, n.country, n.created_at, n.status, n.network, n.channel, n.amount, n.fee)
      UNION ALL
      SELECT n.integrator_id, n.environment, n.kind, n.currency, n.country, (n.created_at AT TIME ZONE 'UTC')::date,
             n.status, coalesce(n.network, ''), n.channel, 1, n.amount, n.fee
      FROM tx_old o JOIN tx_new n ON n.id = o.id
      WHERE (o.integrator_id, o.environment, o.kind, o.currency, o.country, o.created_at, o.status, o.network, o.channel, o.amount, o.fee)
            IS DISTINCT FROM (n.integrator_id, n.environment, n.kind, n.currency, n.country, n.created_at, n.status, n.network, n.channel, n.amount, n.fee)
    ) delta
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (integrator_id, environment, kind, currency, country, day, status, network, channel) DO UPDATE
      SET count = s.count + excluded.count, amount = s.amount + excluded.amount, fee = s.fee + excluded.fee;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DELETE FROM transaction_daily_stats;
--> statement-breakpoint
INSERT INTO transaction_daily_stats (integrator_id, environment, kind, currency, country, day, status, network, channel, count, amount, fee)
SELECT integrator_id, environment, kind, currency, country, (created_at AT TIME ZONE 'UTC')::date, status, coalesce(network, ''), channel, count(*)::integer, coalesce(sum(amount), 0)::bigint, coalesce(sum(fee), 0)::bigint
FROM transactions GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
