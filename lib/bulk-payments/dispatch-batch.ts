import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { AppError } from "@/lib/auth/errors";
import { bulkBatches, bulkItems } from "@/lib/db/schema";
import { createPayout } from "@/lib/engine/create-payout";
import { toDecimalString } from "@/lib/money";
import { enqueue } from "@/lib/jobs/enqueue";
import { batchScope, type BatchRow } from "./batch-scope";
import { finishBatchIfDone } from "./settle-bulk-item";
import { BulkItemNotClaimable } from "./claim-bulk-item";

/** Items one dispatch job sends before handing the rest to the next job (a crash repeats at most this chunk's claims). */
export const DISPATCH_CHUNK = 200;

type ItemRow = typeof bulkItems.$inferSelect;

/** The payout of an item's attempt: its idempotency key makes a repeated send (a crash, a retried job, two jobs) the same payout. */
export function itemIdempotencyKey(item: Pick<ItemRow, "id" | "retryCount">): string {
  return `bulk-${item.id}-${item.retryCount}`;
}

/**
 * Sends one item: an engine payout on the batch's wallet — which debits amount + fee now and
 * reverses it if the payout fails — keyed by the item and attempt, that claims the item in its own
 * database transaction (claim-bulk-item.ts): the item and its payout commit together, only while
 * the batch is processing. Sent again (a retried job, two jobs), the key returns the same payout.
 * A refusal (the balance ran short, the number is not accepted) fails the item at once; anything
 * unexpected is thrown so the job retries.
 */
export async function sendItem(db: Db, batch: BatchRow, item: ItemRow, scopes = new Map<string, Scope>()): Promise<"sent" | "failed" | "skipped"> {
  if (item.status !== "PENDING" && item.status !== "RETRY") return "skipped";
  let scope = scopes.get(item.country);
  if (!scope) scopes.set(item.country, (scope = await batchScope(db, batch, item.country)));
  try {
    await createPayout(
      db,
      scope,
      {
        channel: "MOBILE_MONEY",
        walletId: batch.walletId,
        phoneNumber: item.recipientPhone,
        network: item.network ?? undefined,
        amount: toDecimalString(item.amount, item.currency),
        description: (item.description ?? `${batch.name} row ${item.rowNo}`).slice(0, 200),
        idempotencyKey: itemIdempotencyKey(item),
        bulkItemId: item.id,
      },
      undefined,
      "bulk",
    );
    return "sent";
  } catch (e) {
    if (e instanceof BulkItemNotClaimable) return "skipped";
    if (!(e instanceof AppError)) throw e;
    const failed = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(bulkItems)
        .set({ status: "FAILED", errorMessage: e.message.slice(0, 500), completedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(bulkItems.id, item.id), inArray(bulkItems.status, ["PENDING", "RETRY"])))
        .returning({ id: bulkItems.id });
      if (!row) return false;
      await tx.update(bulkBatches).set({ failedPayments: sql`${bulkBatches.failedPayments} + 1`, updatedAt: sql`now()` }).where(eq(bulkBatches.id, batch.id));
      await finishBatchIfDone(tx, batch.id);
      return true;
    });
    return failed ? "failed" : "skipped";
  }
}

/**
 * One dispatch job: the batch's next items in row order, one after another (a batch's payments
 * are sequential; batches run in parallel, each its own job), DISPATCH_CHUNK of them, then the
 * next job for the rest. Each send re-checks the batch inside its payout's transaction (the
 * claim), so a cancel is seen at the next item without reading the batch again: a skipped item
 * (the batch stopped, or another job took it) ends this job.
 */
export async function dispatchBatch(db: Db, batchId: string): Promise<{ sent: number; failed: number; more: boolean }> {
  let sent = 0;
  let failed = 0;
  const [batch] = await db.select().from(bulkBatches).where(eq(bulkBatches.id, batchId)).limit(1);
  if (!batch || batch.status !== "processing") return { sent, failed, more: false };
  const scopes = new Map<string, Scope>();
  for (let i = 0; i < DISPATCH_CHUNK; i++) {
    const [item] = await db
      .select()
      .from(bulkItems)
      .where(and(eq(bulkItems.batchId, batchId), eq(bulkItems.status, "PENDING")))
      .orderBy(asc(bulkItems.rowNo))
      .limit(1);
    if (!item) {
      await db.transaction((tx) => finishBatchIfDone(tx, batchId));
      return { sent, failed, more: false };
    }
    const outcome = await sendItem(db, batch, item, scopes);
    if (outcome === "skipped") return { sent, failed, more: false };
    if (outcome === "sent") sent++;
    else failed++;
  }
  await enqueue(db, "bulk.dispatch-batch", { integratorId: batch.integratorId, batchId });
  return { sent, failed, more: true };
}
