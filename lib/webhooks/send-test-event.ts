import "server-only";
import type { Db } from "@/lib/db/client";
import { requireMember, type Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { TEST_EVENT } from "./events";
import { loadWebhookSettings } from "./get-webhook-settings";
import { firstDeliveryKey, publishEvent } from "./publish-event";

/** "Send test event": a `system.event` to the saved webhook URL, signed when a secret exists; it shows in the log like any delivery. */
export async function sendTestEvent(db: Db, scope: Scope, now: Date, meta?: Partial<RequestMeta>): Promise<{ deliveryKey: string }> {
  const member = requireMember(scope);
  const settings = await loadWebhookSettings(db, scope);
  if (!settings?.url) throw new ConflictError("Save a webhook URL first.");
  return db.transaction(async (tx) => {
    const eventId = await publishEvent(tx, {
      integratorId: scope.integratorId,
      environment: scope.environment,
      event: TEST_EVENT,
      transactionId: null,
      payload: {
        type: "webhook.test",
        message: "This is a test event from Kotani Pay Backoffice.",
        environment: scope.environment,
        sentBy: member.email,
        created_at: now.toISOString(),
      },
    });
    await writeAudit(tx, { ...auditedBy(scope, meta), action: "webhook.test_sent", targetType: "webhook_settings", targetId: scope.environment, metadata: { url: settings.url } });
    return { deliveryKey: firstDeliveryKey(eventId) };
  });
}
