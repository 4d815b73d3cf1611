import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, ForbiddenError } from "@/lib/auth/errors";
import { auditedBy, auditRefusals, writeAudit } from "@/lib/audit/write-audit";
import { bulkBatches } from "@/lib/db/schema";
import { lockBatch } from "./batch-scope";
import { withSteps } from "./progress";
import { beginProcessing, cancelOpenItems, type BatchActionResult } from "./start-bulk-batch";
import type { BulkProgressStep, decideBatchSchema } from "./schemas";

export const SELF_BATCH_APPROVAL = "Another member must approve a batch you started";

/**
 * Approve or reject a batch waiting for approval (payouts.approve). The member who pressed
 * Process cannot decide it (four eyes). Approve starts it; reject cancels it, its items unsent.
 */
export async function decideBulkBatch(
  db: Db,
  scope: Scope,
  input: z.output<typeof decideBatchSchema>,
  meta?: Partial<RequestMeta>,
): Promise<BatchActionResult> {
  const actor = actorOf(scope);
  const action = input.decision === "approve" ? "bulk_payment.approved" : "bulk_payment.rejected";
  return auditRefusals(db, { ...auditedBy(scope, meta), action, targetType: "bulk_batch", targetId: input.batchId, metadata: {} }, () =>
    db.transaction(async (tx) => {
      const batch = await lockBatch(tx, scope, input.batchId);
      if (batch.status !== "awaiting_approval") throw new ConflictError("This batch is not waiting for approval");
      if (batch.processedBy && batch.processedBy === actor.userId) throw new ForbiddenError(SELF_BATCH_APPROVAL);
      const now = new Date();
      if (input.decision === "approve") {
        await tx.update(bulkBatches).set({ approvedBy: actor.userId }).where(eq(bulkBatches.id, batch.id));
        await beginProcessing(tx, { ...batch, approvedBy: actor.userId }, now);
      } else {
        await cancelOpenItems(tx, batch.id);
        await tx
          .update(bulkBatches)
          .set({
            status: "cancelled",
            completedAt: now,
            updatedAt: now,
            progress: withSteps(
              batch.progress as BulkProgressStep[],
              { customer_creation: { status: "cancelled", message: `Rejected${input.reason ? `: ${input.reason}` : ""}` }, completion: { status: "cancelled" } },
              now,
            ),
          })
          .where(eq(bulkBatches.id, batch.id));
      }
      await writeAudit(tx, {
        ...auditedBy(scope, meta),
        action,
        targetType: "bulk_batch",
        targetId: batch.id,
        metadata: { name: batch.name, currency: batch.currency, totalAmount: batch.totalAmount.toString(), ...(input.reason ? { reason: input.reason } : {}) },
      });
      return input.decision === "approve"
        ? { batchId: batch.id, status: "processing", message: "Approved: processing started" }
        : { batchId: batch.id, status: "cancelled", message: "Rejected: nothing was sent" };
    }),
  );
}
