import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { webhookSettings } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { env } from "@/lib/env";
import { assertSafeWebhookUrl, parseAllowHosts, UnsafeUrlError } from "./ssrf-guard";
import { getWebhookSettings, loadWebhookSettings, type WebhookSettingsView } from "./get-webhook-settings";
import type { updateWebhookSettingsSchema } from "./schemas";

/**
 * Saves the endpoint and its events. The URL must be https in production and must not reach a
 * private, loopback, link-local, CGNAT or metadata address once resolved (unless WEBHOOK_ALLOW_HOSTS
 * names it); deliveries check again on every attempt and redirect hop.
 */
export async function updateWebhookSettings(
  db: Db,
  scope: Scope,
  input: z.output<typeof updateWebhookSettingsSchema>,
  meta?: Partial<RequestMeta>,
): Promise<WebhookSettingsView> {
  const member = requireMember(scope);
  let url: string | null = null;
  if (input.url) {
    try {
      url = (await assertSafeWebhookUrl(input.url, { requireHttps: scope.environment === "production", allowHosts: parseAllowHosts(env().WEBHOOK_ALLOW_HOSTS) })).toString();
    } catch (e) {
      if (e instanceof UnsafeUrlError) throw new ValidationError(e.message, { url: [e.message] });
      throw e;
    }
  }
  await db.transaction(async (tx) => {
    const before = await loadWebhookSettings(tx, scope);
    await tx
      .insert(webhookSettings)
      .values({ integratorId: scope.integratorId, environment: scope.environment, url, events: input.events, updatedBy: member.userId })
      .onConflictDoUpdate({
        target: [webhookSettings.integratorId, webhookSettings.environment],
        set: { url, events: input.events, updatedBy: member.userId, updatedAt: new Date() },
      });
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "webhook.settings_updated",
      targetType: "webhook_settings",
      targetId: scope.environment,
      metadata: { from: { url: before?.url ?? null, events: before?.events ?? null }, to: { url, events: input.events } },
    });
  });
  return getWebhookSettings(db, scope);
}
