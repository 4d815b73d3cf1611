import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { webhookDeliveries as w } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { isoUtc } from "@/lib/transactions/query";
import type { DeliveryStatus } from "./events";
import { DELIVERY_NOT_FOUND, DELIVERY_ROUTE_ID, type WebhookDeliveryDetail } from "./deliveries-contract";
import { deliveryRowColumns, selectDeliveries, toDeliveryRow } from "./list-webhook-deliveries";

/**
 * One attempt in full (what was sent: headers and body; what came back: status, headers, body, or
 * the error) and every attempt of the same delivery, first to last. Another integrator's or
 * environment's id, or a malformed one, is NotFoundError.
 */
export async function getWebhookDelivery(db: Db, scope: Scope, id: string): Promise<WebhookDeliveryDetail> {
  if (!DELIVERY_ROUTE_ID.test(id)) throw new NotFoundError(DELIVERY_NOT_FOUND);
  const [row] = await selectDeliveries(db, {
    ...deliveryRowColumns,
    requestHeaders: w.requestHeaders,
    requestBody: w.requestBody,
    responseHeaders: w.responseHeaders,
    responseBody: w.responseBody,
  })
    .where(and(inScope(w, scope), eq(w.id, id)))
    .limit(1);
  if (!row) throw new NotFoundError(DELIVERY_NOT_FOUND);
  const attempts = await db
    .select({
      id: w.id,
      attempt: w.attempt,
      status: w.status,
      responseStatus: w.responseStatus,
      durationMs: w.durationMs,
      error: w.error,
      nextAttemptAt: deliveryRowColumns.nextAttemptAt,
      createdAt: isoUtc(w.createdAt),
    })
    .from(w)
    .where(and(inScope(w, scope), eq(w.deliveryKey, row.deliveryKey)))
    .orderBy(asc(w.attempt), asc(w.createdAt))
    .limit(200);
  return {
    ...toDeliveryRow(row),
    requestHeaders: row.requestHeaders ?? null,
    requestBody: row.requestBody ?? null,
    responseHeaders: row.responseHeaders ?? null,
    responseBody: row.responseBody,
    attempts: attempts.map((a) => ({ ...a, status: a.status as DeliveryStatus })),
  };
}
