import type { Db } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import type { Environment } from "@/lib/db/schema";

export interface AuditEvent {
  integratorId: string | null;
  environment?: Environment | null;
  actorUserId?: string | null;
  actorEmail?: string | null;
  /** `area.verb`, e.g. "wallet.transfer", "auth.sign_in". */
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: "success" | "failure" | "denied";
  ip?: string | null;
  userAgent?: string | null;
  /** Never a secret: ids, amounts, changed field names. */
  metadata?: Record<string, unknown>;
}

/** Appends one audit row. Append-only by design: nothing in the app updates or deletes them. */
export async function writeAudit(db: Pick<Db, "insert">, event: AuditEvent): Promise<void> {
  await db.insert(auditLogs).values({
    integratorId: event.integratorId,
    environment: event.environment ?? null,
    actorUserId: event.actorUserId ?? null,
    actorEmail: event.actorEmail ?? null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    outcome: event.outcome ?? "success",
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, 512) ?? null,
    metadata: event.metadata,
  });
}
