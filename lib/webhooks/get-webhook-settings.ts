import "server-only";
import type { Db } from "@/lib/db/client";
import { webhookSettings } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/principal";
import type { Tx } from "@/lib/ledger/ledger";
import { inScope } from "@/lib/db/tenant";
import { decryptSecret } from "@/lib/auth/crypto";
import { DEFAULT_EVENTS } from "./events";

export interface WebhookSettingsView {
  url: string | null;
  events: string[];
  /** Whether a signing secret exists (signed mode); the secret itself is only revealed after step-up. */
  hasSecret: boolean;
  updatedAt: string | null;
  /** Production needs https endpoints. */
  requireHttps: boolean;
}

/** The encryption context of an integrator's webhook secret in one environment. */
export const webhookSecretContext = (integratorId: string, environment: string) => `webhook-secret:${integratorId}:${environment}`;

export async function loadWebhookSettings(db: Db | Tx, scope: Pick<Scope, "integratorId" | "environment" | "market">) {
  const [row] = await db.select().from(webhookSettings).where(inScope(webhookSettings, scope)).limit(1);
  return row ?? null;
}

/** The decrypted signing secret, or null (none yet, or it cannot be decrypted under this server's key). */
export function secretOf(row: { secretEncrypted: string | null; integratorId: string; environment: string } | null): string | null {
  if (!row?.secretEncrypted) return null;
  return decryptSecret(row.secretEncrypted, webhookSecretContext(row.integratorId, row.environment));
}

/** Settings → Webhooks as the page shows it. With no row yet: no URL, the default events, no secret. */
export async function getWebhookSettings(db: Db, scope: Scope): Promise<WebhookSettingsView> {
  const row = await loadWebhookSettings(db, scope);
  return {
    url: row?.url ?? null,
    events: row ? row.events : [...DEFAULT_EVENTS],
    hasSecret: Boolean(row?.secretEncrypted),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    requireHttps: scope.environment === "production",
  };
}
