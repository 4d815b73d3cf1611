import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { customers, transactions as t, transactionStatusHistory } from "@/lib/db/schema";
import type { Tx } from "@/lib/ledger/ledger";
import { countLinkUse } from "./link-usage";
import { recordStatusEvent } from "./outbox";
import { postCollectionCredit, postPayoutReversal } from "./postings";
import { isOpenStatus, OPEN_STATUSES, reversesDebit, SUCCESS_STATUS } from "./statuses";
import { settleBulkItem } from "@/lib/bulk-payments/settle-bulk-item";

export interface Advance {
  transactionId: string;
  integratorId: string;
  to: string;
  /** The statuses it may leave; default: the open ones (never AWAITING_APPROVAL, never a final one). */
  from?: readonly string[];
  errorCode?: string | null;
  errorMessage?: string | null;
  telcoId?: string | null;
  provider?: string | null;
  providerReference?: string | null;
  /** The timeline's line for this step. */
  note?: string | null;
  /** Who caused it (cancel, approve, reject); null for the provider. */
  actorId?: string | null;
  /** Offramp refunds only: the fields they change besides the status. */
  refund?: { refundStatus: string; refundTxHash?: string | null; metadata?: Record<string, unknown> };
  /**
   * false: also seeded or imported history (offramp cancel and refund retry act on offramps the
   * engine did not create). Default true: the provider's answers only reach what the engine made.
   */
  engineOnly?: boolean;
}

export type AdvancedTransaction = typeof t.$inferSelect;

const FINAL = (to: string) => !(OPEN_STATUSES as readonly string[]).includes(to) && to !== "AWAITING_APPROVAL";

/**
 * The one way a transaction's status changes. In the caller's database transaction:
 *
 * 1. ONE conditional UPDATE moves the status only from an allowed one, and only on transactions
 *    the engine created (`origin` set: the seeded history is never touched). A second delivery of
 *    the same settlement, or a race between a settlement and a cancel, finds nothing to update —
 *    that is what makes every effect below exactly-once;
 * 2. the status history line (the detail's timeline);
 * 3. the money: a payout reaching FAILED, EXPIRED, CANCELLED, DECLINED or REVERSED gets its debit
 *    back; a collection reaching SUCCESSFUL credits the deposit balance (ledger keys make each
 *    posting unique as well);
 * 4. the outbox event (§4.4–4.5) that webhooks deliver.
 *
 * Returns the updated row, or null when the transition did not apply.
 */
export async function advanceTransaction(tx: Tx, a: Advance): Promise<AdvancedTransaction | null> {
  const final = FINAL(a.to);
  const [row] = await tx
    .update(t)
    .set({
      status: a.to,
      updatedAt: sql`now()`,
      ...(final ? { completedAt: sql`now()` } : {}),
      ...(a.errorCode !== undefined ? { errorCode: a.errorCode } : {}),
      ...(a.errorMessage !== undefined ? { errorMessage: a.errorMessage } : {}),
      ...(a.telcoId !== undefined ? { telcoId: a.telcoId } : {}),
      ...(a.provider !== undefined ? { provider: a.provider } : {}),
      ...(a.providerReference !== undefined ? { providerReference: a.providerReference } : {}),
      ...(a.refund ? { refundStatus: a.refund.refundStatus } : {}),
      ...(a.refund?.refundTxHash !== undefined ? { refundTxHash: a.refund.refundTxHash } : {}),
      ...(a.refund?.metadata ? { metadata: a.refund.metadata } : {}),
    })
    .where(
      and(
        eq(t.id, a.transactionId),
        eq(t.integratorId, a.integratorId),
        a.engineOnly === false ? undefined : isNotNull(t.origin),
        inArray(t.status, [...(a.from ?? OPEN_STATUSES)]),
      ),
    )
    .returning();
  if (!row) return null;

  await tx.insert(transactionStatusHistory).values({ transactionId: row.id, status: a.to, note: a.note ?? a.errorMessage ?? null });

  if (row.walletId && row.walletAmount !== null) {
    const target = {
      transactionId: row.id,
      integratorId: row.integratorId,
      environment: row.environment,
      walletId: row.walletId,
      currency: row.currency,
      createdBy: a.actorId ?? null,
    };
    const amounts = { walletAmount: row.walletAmount, transactionAmount: row.transactionAmount, fee: row.fee };
    if (row.kind === "payout" && reversesDebit(a.to)) await postPayoutReversal(tx, target, amounts);
    if (row.kind === "collection" && a.to === SUCCESS_STATUS) await postCollectionCredit(tx, target, amounts);
  }
  if (row.paymentLinkId && row.kind === "collection" && a.to === SUCCESS_STATUS) await countLinkUse(tx, row.paymentLinkId);
  if (row.bulkItemId && row.kind === "payout" && !isOpenStatus(a.to)) {
    await settleBulkItem(tx, { id: row.id, bulkItemId: row.bulkItemId, status: a.to, errorCode: row.errorCode, errorMessage: row.errorMessage, fee: row.fee });
  }

  await recordStatusEvent(tx, { ...row, customerKey: await customerKeyOf(tx, row.customerId) });
  return row;
}

export async function customerKeyOf(tx: Tx, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const [c] = await tx.select({ key: customers.customerKey }).from(customers).where(eq(customers.id, customerId)).limit(1);
  return c?.key ?? null;
}
