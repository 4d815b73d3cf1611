import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError } from "@/lib/auth/errors";
import { requireStepUp } from "@/lib/auth/step-up";
import type { StepUpCredentials } from "@/lib/auth/step-up-fields";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { loadWebhookSettings, secretOf } from "./get-webhook-settings";

/** Shows the signing secret after the password is given again. Audited. */
export async function revealWebhookSecret(db: Db, scope: Scope, creds: StepUpCredentials, now: Date, meta?: Partial<RequestMeta>): Promise<{ secret: string }> {
  await requireStepUp(db, scope, creds, now, meta);
  const secret = secretOf(await loadWebhookSettings(db, scope));
  if (!secret) throw new ConflictError("There is no signing secret yet: generate one first.");
  await writeAudit(db, { ...auditedBy(scope, meta), action: "webhook.secret_revealed", targetType: "webhook_settings", targetId: scope.environment });
  return { secret };
}
