import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { outboxEvents, transactions, webhookDeliveries } from "@/lib/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import { env } from "@/lib/env";
import { CALLBACK_STATUS, TEST_EVENT, type DeliveryStatus } from "./events";
import { loadWebhookSettings, secretOf } from "./get-webhook-settings";
import { signedEnvelope } from "./signature";
import { parseAllowHosts } from "./ssrf-guard";
import { safePost } from "./safe-post";

export interface DeliveryJob {
  eventId: number;
  /** Groups the attempts of one delivery (the event's first send, or one Resend). */
  deliveryKey: string;
  attempt: number;
  /** When attempt 1 ran (ISO): retries stop 24 h after it (§4.3). */
  firstAttemptAt: string | null;
  /** A Resend: the attempt row it repeats. */
  resendOf: string | null;
}

export const DELIVERY_TIMEOUT_MS = 10_000;
/** Request and response bodies kept in the log. */
export const LOG_BODY_LIMIT = 64 * 1024;
const RETRY_WINDOW_MS = 24 * 3600 * 1000;
const MAX_GAP_SECONDS = 2 * 3600;

/** Seconds before attempt `attempt + 1`: the base (WEBHOOK_RETRY_BASE_SECONDS) doubled per attempt, at most 2 h (§4.3). */
export function retryGapSeconds(attempt: number, base = env().WEBHOOK_RETRY_BASE_SECONDS): number {
  return Math.min(MAX_GAP_SECONDS, base * 2 ** Math.min(attempt - 1, 20));
}

interface Target {
  url: string;
  mode: "signed" | "direct";
  body: string;
  headers: Record<string, string>;
}

/**
 * Where an event goes and how (§4.1, routing per the reference's [I] note): with a signing secret,
 * the signed envelope to the transaction's callbackUrl, else to the webhook URL if the integrator
 * subscribed to the event; without a secret, the raw fields to the callbackUrl only. A test event
 * always goes to the webhook URL. Null: nowhere to send.
 */
async function targetOf(db: Db, event: typeof outboxEvents.$inferSelect, attempt: DeliveryJob): Promise<Target | null> {
  const settings = await loadWebhookSettings(db, { integratorId: event.integratorId, environment: event.environment, market: { country: "", currency: "" } });
  const secret = secretOf(settings);
  const [tx] = event.transactionId
    ? await db.select({ callbackUrl: transactions.callbackUrl }).from(transactions).where(eq(transactions.id, event.transactionId)).limit(1)
    : [];
  let url: string | null;
  if (event.event === TEST_EVENT) url = settings?.url ?? null;
  else if (tx?.callbackUrl) url = tx.callbackUrl;
  else url = secret && settings?.url && settings.events.includes(event.event) ? settings.url : null;
  if (!url) return null;

  const common = {
    "content-type": "application/json",
    "user-agent": "KotaniPay-Webhooks/1.0",
    "x-kotani-delivery": attempt.deliveryKey,
    "x-kotani-attempt": String(attempt.attempt),
  };
  if (secret) {
    const { body, signature } = signedEnvelope(secret, event.event, event.payload);
    return {
      url,
      mode: "signed",
      body,
      headers: { ...common, "x-kotani-signature": signature, "x-kotani-event": event.event, "x-kotani-integrator": event.integratorId },
    };
  }
  // Direct callback: the raw fields, no envelope and none of the X-Kotani-* headers (§4.1.2).
  return { url, mode: "direct", body: JSON.stringify(event.payload), headers: common };
}

const capped = (s: string) => (s.length > LOG_BODY_LIMIT ? s.slice(0, LOG_BODY_LIMIT) : s);

/**
 * One attempt of one delivery (the `webhooks.deliver` job): POST with a 10 s deadline through the
 * SSRF guard (every address and redirect hop checked), then, in one transaction, the attempt's log
 * row (unique per delivery and attempt: a job retried after a crash records it once), the
 * transaction's callbackUrlStatus (§4.7) and, on failure within 24 h, the next attempt's job.
 */
export async function deliverWebhook(db: Db, job: DeliveryJob, now = new Date()): Promise<{ status: DeliveryStatus | "skipped"; httpStatus?: number | null }> {
  const [event] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, job.eventId)).limit(1);
  if (!event) return { status: "skipped" };
  const target = await targetOf(db, event, job);
  if (!target) {
    await db.update(outboxEvents).set({ publishedAt: now }).where(eq(outboxEvents.id, event.id));
    return { status: "skipped" };
  }
  if (event.transactionId) {
    await db.update(transactions).set({ callbackStatus: CALLBACK_STATUS.PROCESSING }).where(eq(transactions.id, event.transactionId));
  }

  const result = await safePost(target.url, target.body, target.headers, {
    timeoutMs: DELIVERY_TIMEOUT_MS,
    maxResponseBytes: LOG_BODY_LIMIT,
    requireHttps: event.environment === "production",
    allowHosts: parseAllowHosts(env().WEBHOOK_ALLOW_HOSTS),
  });

  const firstAt = job.firstAttemptAt ? new Date(job.firstAttemptAt) : now;
  const gap = retryGapSeconds(job.attempt);
  const nextAt = new Date(Date.now() + gap * 1000);
  const status: DeliveryStatus = result.ok ? "COMPLETED" : nextAt.getTime() - firstAt.getTime() <= RETRY_WINDOW_MS ? "FAILED" : "PERMANENTLY_FAILED";

  await db.transaction(async (tx) => {
    const recorded = await tx
      .insert(webhookDeliveries)
      .values({
        integratorId: event.integratorId,
        environment: event.environment,
        transactionId: event.transactionId,
        eventId: event.id,
        deliveryKey: job.deliveryKey,
        event: event.event,
        mode: target.mode,
        url: target.url,
        requestHeaders: target.headers,
        requestBody: parseOrText(capped(target.body)),
        responseStatus: result.status,
        responseHeaders: result.responseHeaders,
        responseBody: result.responseBody.replace(/\u0000/g, ""),
        error: result.error,
        attempt: job.attempt,
        status,
        durationMs: result.durationMs,
        nextAttemptAt: status === "FAILED" ? nextAt : null,
        resendOf: job.resendOf,
      })
      .onConflictDoNothing({ target: [webhookDeliveries.deliveryKey, webhookDeliveries.attempt] })
      .returning({ id: webhookDeliveries.id });
    if (recorded.length === 0) return; // an earlier run of this job recorded this attempt
    if (event.transactionId) {
      await tx.update(transactions).set({ callbackStatus: CALLBACK_STATUS[status] }).where(eq(transactions.id, event.transactionId));
    }
    await tx.update(outboxEvents).set({ publishedAt: sql`coalesce(${outboxEvents.publishedAt}, now())` }).where(eq(outboxEvents.id, event.id));
    if (status === "FAILED") {
      await enqueue(
        tx,
        "webhooks.deliver",
        { ...job, attempt: job.attempt + 1, firstAttemptAt: firstAt.toISOString() },
        { startAfter: gap, singletonKey: `${job.deliveryKey}:${job.attempt + 1}` },
      );
    }
  });
  return { status, httpStatus: result.status };
}

function parseOrText(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
