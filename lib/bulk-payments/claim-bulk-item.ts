import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { ConflictError } from "@/lib/auth/errors";
import { bulkBatches, bulkItems } from "@/lib/db/schema";
import type { Tx } from "@/lib/ledger/ledger";

/** The item is no longer to be sent (its batch was cancelled, or another attempt took it): the payout is rolled back. */
export class BulkItemNotClaimable extends ConflictError {
  constructor() {
    super("This bulk payment item is no longer waiting to be sent");
  }
}

/**
 * Called by createPayout inside the payout's own database transaction: the item (pending, or
 * waiting for its retry) takes the new payout, only while its batch is processing. So an item and
 * its payout commit together — there is no moment when a payout exists that its item does not
 * know — and a cancelled batch's item is never sent.
 */
export async function claimBulkItem(tx: Tx, itemId: string, payout: { id: string; fee: bigint }): Promise<void> {
  const [claimed] = await tx
    .update(bulkItems)
    .set({ status: "PROCESSING", transactionId: payout.id, fee: payout.fee, updatedAt: sql`now()` })
    .where(
      and(
        eq(bulkItems.id, itemId),
        inArray(bulkItems.status, ["PENDING", "RETRY"]),
        sql`exists (select 1 from ${bulkBatches} where ${bulkBatches.id} = ${bulkItems.batchId} and ${bulkBatches.status} = 'processing')`,
      ),
    )
    .returning({ id: bulkItems.id });
  if (!claimed) throw new BulkItemNotClaimable();
}
