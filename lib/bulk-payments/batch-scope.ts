import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { principalScope, type Scope } from "@/lib/auth/principal";
import { NotFoundError } from "@/lib/auth/errors";
import { bulkBatches, integrators } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import type { Tx } from "@/lib/ledger/ledger";

export type BatchRow = typeof bulkBatches.$inferSelect;
export const BATCH_NOT_FOUND = "Bulk payment batch not found.";

/** A batch of this integrator and environment (any currency), locked for the change; another's is not found. */
export async function lockBatch(tx: Tx, scope: Scope, batchId: string): Promise<BatchRow> {
  const [batch] = await tx
    .select()
    .from(bulkBatches)
    .where(and(inScope(bulkBatches, scope), eq(bulkBatches.id, batchId)))
    .for("update")
    .limit(1);
  if (!batch) throw new NotFoundError(BATCH_NOT_FOUND);
  return batch;
}

/**
 * The scope a batch's items are sent in (a job, no request): the batch's integrator and
 * environment, the item's country and the batch's currency, on behalf of the member who started
 * it. The engine's createPayout takes it like any other scope.
 */
export async function batchScope(db: Db, batch: BatchRow, country: string): Promise<Scope> {
  const [org] = await db
    .select({ organization: integrators.organization, timezone: integrators.timezone })
    .from(integrators)
    .where(eq(integrators.id, batch.integratorId))
    .limit(1);
  return principalScope(
    { kind: "bulk", batchId: batch.id, batchName: batch.name, userId: batch.approvedBy ?? batch.processedBy ?? batch.createdBy ?? null },
    {
      integratorId: batch.integratorId,
      organization: org?.organization ?? "",
      timezone: org?.timezone ?? "UTC",
      role: "bulk",
      environment: batch.environment,
      market: { country, currency: batch.currency },
    },
  );
}
