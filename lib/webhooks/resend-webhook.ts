import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { inScope } from "@/lib/db/tenant";
import { enqueue, enqueueMany } from "@/lib/jobs/enqueue";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";

/** At most this many deliveries in one "Resend all failed". */
export const RESEND_ALL_MAX = 1000;

const resendJob = (eventId: number, resendOf: string) => ({
  eventId,
  deliveryKey: `resend-${randomUUID()}`,
  attempt: 1,
  firstAttemptAt: null,
  resendOf,
});

/** Resend one delivery: a new delivery of the same event to where it goes now (its own attempts and retries). */
export async function resendDelivery(db: Db, scope: Scope, input: { deliveryId: string }, meta?: Partial<RequestMeta>): Promise<{ deliveryKey: string }> {
  const [row] = await db
    .select({ id: webhookDeliveries.id, eventId: webhookDeliveries.eventId, event: webhookDeliveries.event })
    .from(webhookDeliveries)
    .where(and(inScope(webhookDeliveries, scope), eq(webhookDeliveries.id, input.deliveryId)))
    .limit(1);
  if (!row?.eventId) throw new NotFoundError("Delivery not found");
  const job = resendJob(row.eventId, row.id);
  await db.transaction(async (tx) => {
    await enqueue(tx, "webhooks.deliver", job);
    await writeAudit(tx, { ...auditedBy(scope, meta), action: "webhook.resent", targetType: "webhook_delivery", targetId: row.id, metadata: { event: row.event } });
  });
  return { deliveryKey: job.deliveryKey };
}

/**
 * "Resend all failed" in a range: every delivery whose latest attempt failed for good or is
 * waiting to retry (not the ones that got through), created in [from, to], at most RESEND_ALL_MAX.
 */
export async function resendFailedDeliveries(
  db: Db,
  scope: Scope,
  range: { from?: Date; to?: Date; event?: string[] },
  meta?: Partial<RequestMeta>,
): Promise<{ resent: number }> {
  const latest = db
    .selectDistinctOn([webhookDeliveries.deliveryKey], {
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      status: webhookDeliveries.status,
    })
    .from(webhookDeliveries)
    .where(
      and(
        inScope(webhookDeliveries, scope),
        range.from ? gte(webhookDeliveries.createdAt, range.from) : undefined,
        range.to ? lte(webhookDeliveries.createdAt, range.to) : undefined,
        range.event?.length ? inArray(webhookDeliveries.event, range.event) : undefined,
      ),
    )
    .orderBy(webhookDeliveries.deliveryKey, desc(webhookDeliveries.attempt))
    .as("latest");
  const failed = await db
    .select({ id: latest.id, eventId: latest.eventId })
    .from(latest)
    .where(and(sql`${latest.status} <> 'COMPLETED'`, sql`${latest.eventId} is not null`))
    .limit(RESEND_ALL_MAX);
  if (!failed.length) return { resent: 0 };
  await db.transaction(async (tx) => {
    await enqueueMany(tx, "webhooks.deliver", failed.map((f) => resendJob(f.eventId!, f.id)));
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "webhook.resent",
      targetType: "webhook_delivery",
      targetId: "bulk",
      metadata: { count: failed.length, from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null },
    });
  });
  return { resent: failed.length };
}
