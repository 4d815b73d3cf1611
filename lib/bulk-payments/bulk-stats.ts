import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { bulkBatches as b, bulkItems as i, bulkUploads as u } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import type { BulkPaymentStatsDto } from "./uploads-contract";

export type { BulkPaymentStatsDto } from "./uploads-contract";

/** A later batch retried this item (its outcome is the retry's). */
const retried = sql`exists (select 1 from ${i} as retry_item where retry_item.retry_of = ${i.id} and retry_item.integrator_id = ${i.integratorId})`;

/**
 * The Bulk Payments stat cards (BulkPaymentStatsDto, §3.11) over the confirmed uploads of the
 * scope's integrator and environment, every currency. Two grouped queries:
 *
 * - per currency, the batches of the files (a "Retry failed items" batch re-attempts part of one:
 *   not counted again), their amount and payments — never added across currencies;
 * - the payments' outcomes: successful items, and failed items that no later batch retried (a
 *   retried item's outcome is its retry's).
 */
export async function getBulkStats(db: Db, scope: Scope): Promise<BulkPaymentStatsDto> {
  const confirmed = and(eq(u.id, b.uploadId), eq(u.status, "confirmed"), inScope(u, scope));
  const [perCurrency, [outcomes]] = await Promise.all([
    db
      .select({
        currency: b.currency,
        batches: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${b.totalAmount}), 0)::text`,
        payments: sql<number>`coalesce(sum(${b.totalPayments}), 0)::int`,
      })
      .from(b)
      .innerJoin(u, confirmed)
      .where(and(inScope(b, scope), isNull(b.retryOf)))
      .groupBy(b.currency)
      .orderBy(b.currency),
    db
      .select({
        successful: sql<number>`(count(*) filter (where ${i.status} = 'SUCCESS'))::int`,
        failed: sql<number>`(count(*) filter (where ${i.status} = 'FAILED' and not ${retried}))::int`,
      })
      .from(i)
      .innerJoin(b, and(eq(b.id, i.batchId), inScope(b, scope)))
      .innerJoin(u, confirmed)
      .where(inScope(i, scope)),
  ]);

  const currencyBreakdown: BulkPaymentStatsDto["currencyBreakdown"] = {};
  let totalBatches = 0;
  let totalPayments = 0;
  for (const r of perCurrency) {
    currencyBreakdown[r.currency] = { totalAmount: r.amount, totalBatches: Number(r.batches), totalPayments: Number(r.payments) };
    totalBatches += Number(r.batches);
    totalPayments += Number(r.payments);
  }
  const successful = Number(outcomes?.successful ?? 0);
  const failed = Number(outcomes?.failed ?? 0);
  return {
    totalBatches,
    totalSuccessfulPayments: successful,
    totalFailedPayments: failed,
    averageBatchSize: totalBatches ? Math.round((totalPayments / totalBatches) * 10) / 10 : 0,
    successRate: successful + failed ? successful / (successful + failed) : 0,
    currencyBreakdown,
  };
}
