import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { transactions as t } from "@/lib/db/schema";
import { publishEvent } from "@/lib/webhooks/publish-event";
import { inScope } from "@/lib/db/tenant";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { enqueue } from "@/lib/jobs/enqueue";
import type { Tx } from "@/lib/ledger/ledger";
import { env } from "@/lib/env";
import { advanceTransaction } from "./advance-transaction";

/** §3.9: refunds are retried at most 5 times (gas/funds errors 10; the sandbox simulates "others"). */
export const REFUND_RETRY_LIMIT = 5;

/**
 * "Retry refund" on an offramp whose refund failed: REFUND_FAILED → REFUND_PENDING, counted
 * against the limit, and the sandbox's refund answer arrives as a delayed job (completeOfframpRefund).
 */
export async function retryOfframpRefund(db: Db, scope: Scope, input: { transactionId: string }, meta?: Partial<RequestMeta>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: t.id, status: t.status, referenceId: t.referenceId, metadata: t.metadata, environment: t.environment })
      .from(t)
      .where(and(inScope(t, scope, { market: true }), eq(t.id, input.transactionId), eq(t.kind, "offramp")))
      .limit(1);
    if (!row) throw new NotFoundError("Offramp not found");
    if (row.environment !== "sandbox") throw new ConflictError("Production payments need a provider connection");
    const retries = Number(row.metadata?.refundRetries ?? 0);
    if (retries >= REFUND_RETRY_LIMIT) {
      throw new ConflictError(`This refund was already retried ${REFUND_RETRY_LIMIT} times, the limit. Contact support to settle it.`);
    }
    const actor = actorOf(scope);
    const advanced = await advanceTransaction(tx, {
      integratorId: scope.integratorId,
      transactionId: row.id,
      to: "REFUND_PENDING",
      from: ["REFUND_FAILED"],
      engineOnly: false,
      refund: { refundStatus: "PENDING", metadata: { ...(row.metadata ?? {}), refundRetries: retries + 1 } },
      note: `Refund retry ${retries + 1} of ${REFUND_RETRY_LIMIT}, asked by ${actor.email ?? "an API key"}`,
      actorId: actor.userId,
    });
    if (!advanced) throw new ConflictError(`Only a failed refund can be retried; this offramp is ${row.status.toLowerCase()}`);
    await enqueue(tx, "engine.offramp-refund", { integratorId: scope.integratorId, transactionId: row.id }, { startAfter: env().SANDBOX_SETTLE_SECONDS });
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "offramp.refund_retried",
      targetType: "transaction",
      targetId: row.id,
      metadata: { referenceId: row.referenceId, attempt: retries + 1 },
    });
    return { id: row.id, status: advanced.status, retries: retries + 1, message: `Refund retry ${retries + 1} of ${REFUND_RETRY_LIMIT} started` };
  });
}

/** The sandbox's answer to a refund retry: the crypto goes back (REVERSED, refund SUCCESSFUL) and refund.completed is recorded. */
export async function completeOfframpRefund(tx: Tx, ref: { integratorId: string; transactionId: string }): Promise<void> {
  const hash = `0x${createHash("sha256").update(`refund:${ref.transactionId}`).digest("hex")}`;
  const row = await advanceTransaction(tx, {
    ...ref,
    to: "REVERSED",
    from: ["REFUND_PENDING"],
    engineOnly: false,
    refund: { refundStatus: "SUCCESSFUL", refundTxHash: hash },
    note: "Refund sent back to the sender",
  });
  if (!row) return;
  await publishEvent(tx, {
    integratorId: row.integratorId,
    environment: row.environment,
    event: "refund.completed",
    transactionId: row.id,
    callbackUrl: row.callbackUrl,
    payload: {
      referenceId: row.referenceId,
      status: "REVERSED",
      refundStatus: "SUCCESSFUL",
      refundTransactionHash: hash,
      refundAmount: row.cryptoAmount,
      chain: row.chain,
      token: row.token,
      currency: row.currency,
      timestamp: new Date().toISOString(),
    },
  });
}
