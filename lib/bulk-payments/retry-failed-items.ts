import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { bulkBatches, bulkItems } from "@/lib/db/schema";
import { lockBatch } from "./batch-scope";
import { initialProgress } from "./progress";
import { FINAL_BATCH_STATUSES, type BulkBatchStatus } from "./schemas";
import type { BatchActionResult } from "./start-bulk-batch";

/**
 * "Retry failed items": a finished batch's failed items become a new pending batch of the same
 * upload and wallet (each new item points at the one it retries, and keeps its reference), to be
 * processed like any batch. Once per batch: a second click finds the retry already made.
 */
export async function retryFailedItems(db: Db, scope: Scope, input: { batchId: string }, meta?: Partial<RequestMeta>): Promise<BatchActionResult> {
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, scope, input.batchId);
    if (!FINAL_BATCH_STATUSES.includes(batch.status as BulkBatchStatus)) throw new ConflictError("Wait until the batch has finished");
    const [already] = await tx.select({ id: bulkBatches.id }).from(bulkBatches).where(eq(bulkBatches.retryOf, batch.id)).limit(1);
    if (already) return { batchId: already.id, status: "pending", message: "These items were already retried" };
    const failed = await tx
      .select()
      .from(bulkItems)
      .where(and(eq(bulkItems.batchId, batch.id), eq(bulkItems.status, "FAILED")))
      .orderBy(bulkItems.rowNo);
    if (!failed.length) throw new ConflictError("No failed items to retry");
    const total = failed.reduce((s, i) => s + i.amount, 0n);
    const fees = failed.reduce((s, i) => s + (i.fee ?? 0n), 0n);
    const now = new Date();
    const [retry] = await tx
      .insert(bulkBatches)
      .values({
        uploadId: batch.uploadId,
        integratorId: batch.integratorId,
        environment: batch.environment,
        name: `${batch.name} · retry`.slice(0, 120),
        walletId: batch.walletId,
        currency: batch.currency,
        country: batch.country,
        status: "pending",
        totalAmount: total,
        totalFees: fees,
        totalDebit: batch.totalDebit > batch.totalAmount ? total + fees : total,
        totalPayments: failed.length,
        progress: initialProgress(now),
        retryOf: batch.id,
        createdBy: actorOf(scope).userId,
      })
      .returning({ id: bulkBatches.id });
    await tx.insert(bulkItems).values(
      failed.map((i) => ({
        batchId: retry!.id,
        integratorId: i.integratorId,
        environment: i.environment,
        rowNo: i.rowNo,
        recipientName: i.recipientName,
        recipientEmail: i.recipientEmail,
        recipientPhone: i.recipientPhone,
        network: i.network,
        amount: i.amount,
        currency: i.currency,
        country: i.country,
        reference: i.reference,
        description: i.description,
        metadata: i.metadata,
        retryOf: i.id,
      })),
    );
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "bulk_payment.retried",
      targetType: "bulk_batch",
      targetId: retry!.id,
      metadata: { from: batch.id, items: failed.length, currency: batch.currency, totalAmount: total.toString() },
    });
    return { batchId: retry!.id, status: "pending", message: `A new batch of ${failed.length} failed item${failed.length === 1 ? "" : "s"} is ready to process` };
  });
}
