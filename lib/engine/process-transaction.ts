import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { transactions as t, transactionStatusHistory } from "@/lib/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import type { Tx } from "@/lib/ledger/ledger";
import { env } from "@/lib/env";
import { advanceTransaction, customerKeyOf } from "./advance-transaction";
import { recordStatusEvent } from "./outbox";
import { providerFor } from "./providers";
import type { EngineRow } from "./new-transaction";

/** The first timeline line and outbox event of a new transaction, in its creating transaction. */
export async function recordTransactionCreated(tx: Tx, row: EngineRow, note: string): Promise<void> {
  await tx.insert(transactionStatusHistory).values({ transactionId: row.id, status: row.status, note });
  await recordStatusEvent(tx, { ...row, customerKey: await customerKeyOf(tx, row.customerId) });
}

/** When a transaction handed to its provider now expires without a final answer. */
export function expiryFromNow(): Date {
  return new Date(Date.now() + env().PAYMENT_EXPIRY_SECONDS * 1000);
}

/**
 * Hands a PENDING transaction to its provider (a job, right after commit) and arms its expiry
 * (a delayed job: if no final answer came by then, EXPIRED and a payout's debit is reversed).
 * A new transaction carries its `expiresAt` from the insert; an approved one gets it here.
 */
export async function scheduleProcessing(tx: Tx, row: Pick<EngineRow, "id" | "integratorId" | "expiresAt">): Promise<void> {
  let expiresAt = row.expiresAt;
  if (!expiresAt) {
    expiresAt = expiryFromNow();
    await tx.update(t).set({ expiresAt }).where(eq(t.id, row.id));
  }
  const ref = { integratorId: row.integratorId, transactionId: row.id };
  await enqueue(tx, "engine.submit", ref);
  await enqueue(tx, "engine.expire", ref, { startAfter: expiresAt });
}

/**
 * The `engine.submit` job's effect: ask the provider, record its reference
 * and, when the answer is known (the sandbox simulator), schedule it as a delayed settle job.
 */
export async function submitToProvider(tx: Tx, ref: { integratorId: string; transactionId: string }): Promise<void> {
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.id, ref.transactionId), eq(t.integratorId, ref.integratorId), isNotNull(t.origin)))
    .limit(1);
  if (!row || row.status !== "PENDING") return;
  const provider = providerFor(row.environment);
  if (!provider) {
    await advanceTransaction(tx, { ...ref, to: "FAILED", from: ["PENDING"], errorCode: "NO_PROVIDER", errorMessage: "No payment provider is connected" });
    return;
  }
  const details = (row.metadata?.recipient ?? {}) as Record<string, string>;
  const submission = provider.submit({
    id: row.id,
    kind: row.kind as "collection" | "payout",
    channel: row.channel,
    currency: row.currency,
    amount: row.amount,
    phoneNumber: row.phoneNumber,
    accountNumber: details.accountNumber ?? details.businessShortcode ?? details.paybillNumber ?? null,
    referenceId: row.referenceId,
  });
  // The status stays PENDING until the network's final answer (as Kotani reports an in-flight
  // transaction); the provider's reference and a timeline line record the hand-over.
  const [sent] = await tx
    .update(t)
    .set({ provider: submission.provider, providerReference: submission.providerReference, updatedAt: new Date() })
    .where(and(eq(t.id, row.id), eq(t.status, "PENDING"), isNull(t.providerReference)))
    .returning({ id: t.id });
  if (!sent) return;
  await tx.insert(transactionStatusHistory).values({
    transactionId: row.id,
    status: "PENDING",
    note: `${row.kind === "collection" ? "Payment prompt sent to the customer's phone" : "Sent to the network"} (${submission.providerReference})`,
  });
  const s = submission.settlement;
  if (s) {
    await enqueue(
      tx,
      "engine.settle",
      { ...ref, status: s.status, errorCode: s.errorCode ?? null, errorMessage: s.errorMessage ?? null, telcoId: s.telcoId ?? null },
      { startAfter: s.afterSeconds },
    );
  }
}
