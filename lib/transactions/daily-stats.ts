import { sql } from "drizzle-orm";
import type { Db } from "../db/client";

/**
 * Recomputes `transaction_daily_stats` (per integrator, environment, kind, currency, country,
 * UTC day of created_at, status, network ('' when none) and channel: count, Σ amount, Σ fee) from
 * `transactions`, for one integrator or for all: one DELETE and one INSERT … SELECT … GROUP BY, in
 * one transaction. The table is also kept current by triggers (drizzle/0003, 0006); this is for bulk
 * loads and repairs, and gives the same rows.
 */
export async function rebuildDailyStats(db: Db, integratorId?: string): Promise<void> {
  const where = integratorId ? sql`where integrator_id = ${integratorId}` : sql``;
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from transaction_daily_stats ${where}`);
    await tx.execute(sql`
      insert into transaction_daily_stats (integrator_id, environment, kind, currency, country, day, status, network, channel, count, amount, fee)
      select integrator_id, environment, kind, currency, country, (created_at at time zone 'UTC')::date, status,
             coalesce(network, ''), channel, count(*)::integer, coalesce(sum(amount), 0)::bigint, coalesce(sum(fee), 0)::bigint
      from transactions
      ${where}
      group by integrator_id, environment, kind, currency, country, (created_at at time zone 'UTC')::date, status, coalesce(network, ''), channel`);
  });
}
