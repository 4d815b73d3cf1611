import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { transactions as t, transactionStatusHistory as h, webhookDeliveries as w } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { readableKinds, type ListSlug } from "./kinds";
import { isoUtc, rowColumns, scopeConditions } from "./query";

/**
 * One transaction with its status timeline and callback deliveries. Another integrator's,
 * environment's or market's id, or a kind the list does not show, is NotFound.
 */
export async function getTransaction(db: Db, scope: Scope, slug: ListSlug, id: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new NotFoundError("Transaction not found");
  const kinds = readableKinds(slug, scope.permissions);
  const [row] = await db
    .select({
      ...rowColumns,
      environment: t.environment,
      customerId: t.customerId,
      walletId: t.walletId,
      provider: t.provider,
      providerReference: t.providerReference,
      telcoId: t.telcoId,
      callbackUrl: t.callbackUrl,
      callbackStatus: t.callbackStatus,
      refundTxHash: t.refundTxHash,
      paymentLinkId: t.paymentLinkId,
      bulkItemId: t.bulkItemId,
      metadata: t.metadata,
      origin: t.origin,
      feeBearer: t.feeBearer,
      walletAmount: t.walletAmount,
      description: t.description,
    })
    .from(t)
    .where(and(eq(t.id, id), ...scopeConditions(scope, kinds)))
    .limit(1);
  if (!row) throw new NotFoundError("Transaction not found");
  const [history, deliveries] = await Promise.all([
    db
      .select({ id: h.id, status: h.status, note: h.note, createdAt: isoUtc(h.createdAt) })
      .from(h)
      .where(eq(h.transactionId, id))
      .orderBy(asc(h.createdAt), asc(h.id))
      .limit(200),
    db
      .select({
        id: w.id,
        event: w.event,
        url: w.url,
        status: w.status,
        attempt: w.attempt,
        responseStatus: w.responseStatus,
        error: w.error,
        responseBody: w.responseBody,
        durationMs: w.durationMs,
        requestBody: w.requestBody,
        nextAttemptAt: w.nextAttemptAt,
        createdAt: isoUtc(w.createdAt),
      })
      .from(w)
      .where(and(eq(w.transactionId, id), inScope(w, scope)))
      .orderBy(desc(w.createdAt))
      .limit(50),
  ]);
  return {
    ...row,
    history,
    deliveries: deliveries.map((x) => ({ ...x, nextAttemptAt: x.nextAttemptAt ? x.nextAttemptAt.toISOString() : null })),
  };
}
