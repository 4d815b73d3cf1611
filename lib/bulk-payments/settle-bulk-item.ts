import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { bulkBatches, bulkItems } from "@/lib/db/schema";
import type { Tx } from "@/lib/ledger/ledger";
import { enqueue } from "@/lib/jobs/enqueue";
import { withSteps } from "./progress";
import { BULK_MAX_RETRIES, type BulkBatchStatus, type BulkProgressStep } from "./schemas";

/** Failures worth another attempt: the network never answered, or said it could not process now. */
const RETRYABLE_STATUSES = new Set(["EXPIRED"]);
const RETRYABLE_CODES = new Set(["TIMEOUT", "PROVIDER_ERROR", "SERVICE_UNAVAILABLE", "NETWORK_ERROR"]);
/** Seconds before retry n (1, 2, 3): 30 s, 60 s, 120 s. */
export const retryDelaySeconds = (n: number) => 30 * 2 ** (n - 1);

export function isRetryable(status: string, errorCode: string | null): boolean {
  return RETRYABLE_STATUSES.has(status) || (errorCode !== null && RETRYABLE_CODES.has(errorCode));
}

/**
 * A bulk item's payout reached its final status (called by advanceTransaction, in its database
 * transaction, which applies a status once): the item succeeds, fails, or — for a failure worth
 * retrying, up to BULK_MAX_RETRIES times while its batch runs — waits for a delayed retry, a new
 * attempt with a new payout (the failed one's debit was already reversed by the engine). Then the
 * batch finishes when none of its items is still open.
 */
export async function settleBulkItem(
  tx: Tx,
  payout: { id: string; bulkItemId: string; status: string; errorCode: string | null; errorMessage: string | null; fee: bigint },
): Promise<void> {
  const [item] = await tx
    .select({ id: bulkItems.id, batchId: bulkItems.batchId, integratorId: bulkItems.integratorId, retryCount: bulkItems.retryCount, status: bulkItems.status })
    .from(bulkItems)
    .where(and(eq(bulkItems.id, payout.bulkItemId), eq(bulkItems.transactionId, payout.id), eq(bulkItems.status, "PROCESSING")))
    .for("update")
    .limit(1);
  if (!item) return;
  const [batch] = await tx.select({ status: bulkBatches.status }).from(bulkBatches).where(eq(bulkBatches.id, item.batchId)).limit(1);

  if (payout.status === "SUCCESSFUL") {
    await tx
      .update(bulkItems)
      .set({ status: "SUCCESS", errorMessage: null, fee: payout.fee, completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(bulkItems.id, item.id));
    await tx.update(bulkBatches).set({ successfulPayments: sql`${bulkBatches.successfulPayments} + 1`, updatedAt: sql`now()` }).where(eq(bulkBatches.id, item.batchId));
  } else {
    const reason = payout.errorMessage ?? `The payout was ${payout.status.toLowerCase().replace(/_/g, " ")}`;
    if (batch?.status === "processing" && item.retryCount < BULK_MAX_RETRIES && isRetryable(payout.status, payout.errorCode)) {
      const attempt = item.retryCount + 1;
      await tx
        .update(bulkItems)
        .set({ status: "RETRY", retryCount: attempt, transactionId: null, errorMessage: `${reason} (retry ${attempt} of ${BULK_MAX_RETRIES})`, updatedAt: sql`now()` })
        .where(eq(bulkItems.id, item.id));
      await enqueue(tx, "bulk.retry-item", { integratorId: item.integratorId, itemId: item.id }, { startAfter: retryDelaySeconds(attempt) });
      return;
    }
    await tx
      .update(bulkItems)
      .set({ status: "FAILED", errorMessage: reason.slice(0, 500), completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(bulkItems.id, item.id));
    await tx.update(bulkBatches).set({ failedPayments: sql`${bulkBatches.failedPayments} + 1`, updatedAt: sql`now()` }).where(eq(bulkBatches.id, item.batchId));
  }
  await finishBatchIfDone(tx, item.batchId);
}

/**
 * A processing batch with no open item (pending, being sent or waiting for a retry) is final:
 * completed (all paid), failed (none paid) or completed with errors. Its counts are recounted
 * from the items, and the progress steps close.
 */
export async function finishBatchIfDone(tx: Tx, batchId: string): Promise<void> {
  const [batch] = await tx.select().from(bulkBatches).where(eq(bulkBatches.id, batchId)).for("update").limit(1);
  if (!batch || batch.status !== "processing") return;
  const counts = await tx
    .select({ status: bulkItems.status, n: sql<number>`count(*)::int` })
    .from(bulkItems)
    .where(eq(bulkItems.batchId, batchId))
    .groupBy(bulkItems.status);
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  if (n("PENDING") + n("PROCESSING") + n("RETRY") > 0) return;
  const success = n("SUCCESS");
  const failed = n("FAILED");
  const status: BulkBatchStatus = success === 0 && failed > 0 ? "failed" : failed > 0 ? "completed_with_errors" : "completed";
  const now = new Date();
  await tx
    .update(bulkBatches)
    .set({
      status,
      successfulPayments: success,
      failedPayments: failed,
      completedAt: now,
      updatedAt: now,
      progress: withSteps(
        batch.progress as BulkProgressStep[],
        {
          customer_creation: { status: "completed" },
          payment_processing: { status: failed && !success ? "failed" : "completed", message: `${success} paid, ${failed} failed` },
          completion: { status: "completed", message: status === "completed" ? "Every payment was made" : `${failed} of ${success + failed} payments failed` },
        },
        now,
      ),
    })
    .where(and(eq(bulkBatches.id, batchId), inArray(bulkBatches.status, ["processing"])));
}
