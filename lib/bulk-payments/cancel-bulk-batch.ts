import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { bulkBatches } from "@/lib/db/schema";
import { lockBatch } from "./batch-scope";
import { withSteps } from "./progress";
import { cancelOpenItems, type BatchActionResult } from "./start-bulk-batch";
import type { BulkProgressStep } from "./schemas";

const CANCELLABLE = new Set(["pending", "awaiting_approval", "processing"]);

/**
 * "Cancel": the batch stops; its items not yet sent (pending, or waiting for a retry) are cancelled
 * and nothing is debited for them. An item already sent finishes as its payout does (its debit
 * reversed if that fails). The dispatch job sees the batch cancelled before its next item.
 */
export async function cancelBulkBatch(db: Db, scope: Scope, input: { batchId: string }, meta?: Partial<RequestMeta>): Promise<BatchActionResult> {
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, scope, input.batchId);
    if (batch.status === "cancelled") return { batchId: batch.id, status: "cancelled", message: "Already cancelled" };
    if (!CANCELLABLE.has(batch.status)) throw new ConflictError("This batch has finished: there is nothing left to cancel");
    const now = new Date();
    const cancelled = await cancelOpenItems(tx, batch.id);
    await tx
      .update(bulkBatches)
      .set({
        status: "cancelled",
        completedAt: now,
        updatedAt: now,
        progress: withSteps(batch.progress as BulkProgressStep[], { payment_processing: { status: "cancelled", message: `${cancelled} payments not sent` }, completion: { status: "cancelled" } }, now),
      })
      .where(eq(bulkBatches.id, batch.id));
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "bulk_payment.cancelled",
      targetType: "bulk_batch",
      targetId: batch.id,
      metadata: { name: batch.name, currency: batch.currency, itemsCancelled: cancelled, was: batch.status },
    });
    return { batchId: batch.id, status: "cancelled", message: `Batch cancelled: ${cancelled} payment${cancelled === 1 ? "" : "s"} not sent` };
  });
}
