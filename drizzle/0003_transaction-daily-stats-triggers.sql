-- transaction_daily_stats follows transactions by itself: statement-level triggers with transition
-- tables add each statement's rows (grouped) to the per-day aggregates, and take away deleted or
-- changed ones. Bulk loads pay one grouped upsert per statement, not one per row. A full rebuild
-- (lib/transactions/daily-stats.ts) stays correct with the triggers on.
CREATE OR REPLACE FUNCTION transaction_daily_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO transaction_daily_stats AS s (integrator_id, environment, kind, currency, country, day, status, count, amount, fee)
    SELECT integrator_id, environment, kind, currency, country, (created_at AT TIME ZONE 'UTC')::date, status,
           count(*), coalesce(sum(amount), 0), coalesce(sum(fee), 0)
    FROM tx_new GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (integrator_id, environment, kind, currency, country, day, status) DO UPDATE
      SET count = s.count + excluded.count, amount = s.amount + excluded.amount, fee = s.fee + excluded.fee;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO transaction_daily_stats AS s (integrator_id, environment, kind, currency, country, day, status, count, amount, fee)
    SELECT integrator_id, environment, kind, currency, country, (created_at AT TIME ZONE 'UTC')::date, status,
           -count(*), -coalesce(sum(amount), 0), -coalesce(sum(fee), 0)
    FROM tx_old GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (integrator_id, environment, kind, currency, country, day, status) DO UPDATE
      SET count = s.count + excluded.count, amount = s.amount + excluded.amount, fee = s.fee + excluded.fee;
  ELSE
    INSERT INTO transaction_daily_stats AS s (integrator_id, environment, kind, currency, country, day, status, count, amount, fee)
    SELECT integrator_id, environment, kind, currency, country, day, status, sum(c), sum(a), sum(f)
    FROM (
      SELECT o.integrator_id, o.environment, o.kind, o.currency, o.country, (o.created_at AT TIME ZONE 'UTC')::date AS day,
             o.status, -1 AS c, -o.amount AS a, -o.fee AS f
      FROM tx_old o JOIN tx_new n ON n.id = o.id
      WHERE (o.integrator_id, o.environment, o.kind, o.currency, o.country, o.created_at, o.status, o.amount, o.fee)
            IS DISTINCT FROM (n.integrator_id, n.environment, n.kind, n.currency, n.country, n.created_at, n.status, n.amount, n.fee)
      UNION ALL
      SELECT n.integrator_id, n.environment, n.kind, n.currency, n.country, (n.created_at AT TIME ZONE 'UTC')::date,
             n.status, 1, n.amount, n.fee
      FROM tx_old o JOIN tx_new n ON n.id = o.id
      WHERE (o.integrator_id, o.environment, o.kind, o.currency, o.country, o.created_at, o.status, o.amount, o.fee)
            IS DISTINCT FROM (n.integrator_id, n.environment, n.kind, n.currency, n.country, n.created_at, n.status, n.amount, n.fee)
    ) delta
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (integrator_id, environment, kind, currency, country, day, status) DO UPDATE
      SET count = s.count + excluded.count, amount = s.amount + excluded.amount, fee = s.fee + excluded.fee;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transaction_daily_stats_insert AFTER INSERT ON transactions
  REFERENCING NEW TABLE AS tx_new FOR EACH STATEMENT EXECUTE FUNCTION transaction_daily_stats_apply();
--> statement-breakpoint
CREATE TRIGGER transaction_daily_stats_update AFTER UPDATE ON transactions
  REFERENCING OLD TABLE AS tx_old NEW TABLE AS tx_new FOR EACH STATEMENT EXECUTE FUNCTION transaction_daily_stats_apply();
--> statement-breakpoint
CREATE TRIGGER transaction_daily_stats_delete AFTER DELETE ON transactions
  REFERENCING OLD TABLE AS tx_old FOR EACH STATEMENT EXECUTE FUNCTION transaction_daily_stats_apply();
