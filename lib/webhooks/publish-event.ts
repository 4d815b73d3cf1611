import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { outboxEvents, webhookSettings, type Environment } from "@/lib/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import type { Tx } from "@/lib/ledger/ledger";

export interface NewEvent {
  integratorId: string;
  environment: Environment;
  event: string;
  transactionId: string | null;
  payload: Record<string, unknown>;
  /** The transaction's own callbackUrl (a direct or signed delivery goes there first, §4.1 [I]). */
  callbackUrl?: string | null;
}

/** The first attempt's job key: one delivery per event, however often the event's transaction is retried. */
export const firstDeliveryKey = (eventId: number) => `event-${eventId}`;

/**
 * Records an event in the outbox, in the caller's transaction, and — when it has somewhere to go
 * (the transaction's callbackUrl, or the integrator's webhook URL in this environment) — enqueues
 * its delivery in the same transaction: a rollback leaves neither, a commit always has both.
 */
export async function publishEvent(tx: Tx, e: NewEvent): Promise<number> {
  const [row] = await tx
    .insert(outboxEvents)
    .values({ integratorId: e.integratorId, environment: e.environment, event: e.event, transactionId: e.transactionId, payload: e.payload })
    .returning({ id: outboxEvents.id });
  const eventId = row!.id;
  const hasTarget =
    Boolean(e.callbackUrl) ||
    (
      await tx
        .select({ one: webhookSettings.id })
        .from(webhookSettings)
        .where(and(eq(webhookSettings.integratorId, e.integratorId), eq(webhookSettings.environment, e.environment), isNotNull(webhookSettings.url)))
        .limit(1)
    ).length > 0;
  if (hasTarget) {
    await enqueue(tx, "webhooks.deliver", { eventId, deliveryKey: firstDeliveryKey(eventId), attempt: 1, firstAttemptAt: null, resendOf: null });
  }
  return eventId;
}
