import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { bulkBatches, bulkItems } from "@/lib/db/schema";
import { approvalThresholdOf } from "@/lib/engine/approval-thresholds";
import { enqueue } from "@/lib/jobs/enqueue";
import type { Tx } from "@/lib/ledger/ledger";
import { formatMoney } from "@/lib/money";
import { lockBatch, type BatchRow } from "./batch-scope";
import { withSteps } from "./progress";
import { BULK_BATCH_STATUS_LABEL, type BulkBatchStatus, type BulkProgressStep } from "./schemas";

export interface BatchActionResult {
  batchId: string;
  status: string;
  message: string;
}

/** The batch starts sending: processing, the progress moves, and its dispatch job is queued (in the same transaction). */
export async function beginProcessing(tx: Tx, batch: BatchRow, now = new Date()): Promise<void> {
  await tx
    .update(bulkBatches)
    .set({
      status: "processing",
      startedAt: now,
      updatedAt: now,
      progress: withSteps(batch.progress as BulkProgressStep[], { customer_creation: { status: "running" }, payment_processing: { status: "running" } }, now),
    })
    .where(eq(bulkBatches.id, batch.id));
  await enqueue(tx, "bulk.dispatch-batch", { integratorId: batch.integratorId, batchId: batch.id });
}

/**
 * "Process": a pending batch starts sending its items — or, at or above the currency's approval
 * threshold (the engine's, Wallets → Payout approvals), waits for another member's approval first.
 * Exactly once: the batch moves from pending under its row lock; a second click, a second tab or a
 * retried request finds it already moved and changes nothing.
 */
export async function startBulkBatch(db: Db, scope: Scope, input: { batchId: string }, meta?: Partial<RequestMeta>): Promise<BatchActionResult> {
  const actor = actorOf(scope);
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, scope, input.batchId);
    if (batch.status !== "pending") {
      if (batch.status === "processing" || batch.status === "awaiting_approval") {
        return { batchId: batch.id, status: batch.status, message: `Already ${BULK_BATCH_STATUS_LABEL[batch.status as BulkBatchStatus].toLowerCase()}` };
      }
      throw new ConflictError(`This batch is ${BULK_BATCH_STATUS_LABEL[batch.status as BulkBatchStatus]?.toLowerCase() ?? batch.status}: it cannot be processed`);
    }
    const threshold = await approvalThresholdOf(tx, scope, batch.currency);
    const awaiting = threshold !== null && batch.totalAmount >= threshold;
    const now = new Date();
    let message: string;
    if (awaiting) {
      await tx
        .update(bulkBatches)
        .set({
          status: "awaiting_approval",
          processedBy: actor.userId,
          updatedAt: now,
          progress: withSteps(
            batch.progress as BulkProgressStep[],
            { customer_creation: { status: "pending", message: `Waiting for approval: at or above the ${formatMoney(threshold, batch.currency)} threshold` } },
            now,
          ),
        })
        .where(eq(bulkBatches.id, batch.id));
      message = `Waiting for approval by another member: ${formatMoney(batch.totalAmount, batch.currency)} is at or above the ${formatMoney(threshold, batch.currency)} threshold`;
    } else {
      await tx.update(bulkBatches).set({ processedBy: actor.userId }).where(eq(bulkBatches.id, batch.id));
      await beginProcessing(tx, { ...batch, processedBy: actor.userId }, now);
      message = "Processing started";
    }
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "bulk_payment.processed",
      targetType: "bulk_batch",
      targetId: batch.id,
      metadata: { name: batch.name, currency: batch.currency, totalAmount: batch.totalAmount.toString(), payments: batch.totalPayments, awaitingApproval: awaiting },
    });
    return { batchId: batch.id, status: awaiting ? "awaiting_approval" : "processing", message };
  });
}

/** Items not yet sent of a stopped batch are cancelled (nothing is debited for them). */
export async function cancelOpenItems(tx: Tx, batchId: string): Promise<number> {
  const rows = await tx
    .update(bulkItems)
    .set({ status: "CANCELLED", completedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(bulkItems.batchId, batchId), sql`${bulkItems.status} in ('PENDING', 'RETRY')`))
    .returning({ id: bulkItems.id });
  return rows.length;
}
