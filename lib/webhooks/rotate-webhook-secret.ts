import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { webhookSettings } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { encryptSecret } from "@/lib/auth/crypto";
import { requireStepUp } from "@/lib/auth/step-up";
import type { StepUpCredentials } from "@/lib/auth/step-up-fields";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { DEFAULT_EVENTS } from "./events";
import { loadWebhookSettings, webhookSecretContext } from "./get-webhook-settings";

/**
 * Generates the signing secret, or rotates it (the old one stops signing at once). Step-up first.
 * Returns the new secret: the one time it is shown without a reveal.
 */
export async function rotateWebhookSecret(db: Db, scope: Scope, creds: StepUpCredentials, now: Date, meta?: Partial<RequestMeta>): Promise<{ secret: string }> {
  const member = requireMember(scope);
  await requireStepUp(db, scope, creds, now, meta);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  const secretEncrypted = encryptSecret(secret, webhookSecretContext(scope.integratorId, scope.environment));
  await db.transaction(async (tx) => {
    const before = await loadWebhookSettings(tx, scope);
    await tx
      .insert(webhookSettings)
      .values({ integratorId: scope.integratorId, environment: scope.environment, url: null, events: [...DEFAULT_EVENTS], secretEncrypted, updatedBy: member.userId })
      .onConflictDoUpdate({ target: [webhookSettings.integratorId, webhookSettings.environment], set: { secretEncrypted, updatedBy: member.userId, updatedAt: now } });
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "webhook.secret_rotated",
      targetType: "webhook_settings",
      targetId: scope.environment,
      metadata: { generated: !before?.secretEncrypted },
    });
  });
  return { secret };
}
