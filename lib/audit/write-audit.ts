import type { Db } from "@/lib/db/client";
import { auditLogs } from "@/lib/db/schema";
import type { Environment } from "@/lib/db/schema";
import { actorOf, type Scope } from "@/lib/auth/principal";
import { AppError } from "@/lib/auth/errors";
import type { AuditAction } from "./actions";
import { storableText } from "@/lib/text-input";

export interface AuditEvent {
  integratorId: string | null;
  environment?: Environment | null;
  actorUserId?: string | null;
  actorEmail?: string | null;
  /** `area.verb` from lib/audit/actions.ts, e.g. "wallet.transfer_deposit", "auth.sign_in". */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  outcome?: "success" | "failure" | "denied";
  ip?: string | null;
  userAgent?: string | null;
  /** Never a secret: ids, amounts, changed field names. */
  metadata?: Record<string, unknown>;
}

/** The actor fields of an audit row written in a signed-in request: who, for which integrator and environment, from where. */
export function auditedBy(
  scope: Pick<Scope, "integratorId" | "environment" | "principal">,
  meta?: { ip?: string; userAgent?: string | null },
): Pick<AuditEvent, "integratorId" | "environment" | "actorUserId" | "actorEmail" | "ip" | "userAgent"> {
  const actor = actorOf(scope);
  return {
    integratorId: scope.integratorId,
    environment: scope.environment,
    actorUserId: actor.userId,
    actorEmail: actor.email,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent ?? null,
  };
}

/**
 * Metadata as PostgreSQL's jsonb accepts it: strings with NUL or an unpaired surrogate (a refused
 * value recorded as sent) get U+FFFD instead, so such input can never make the audit write — and
 * with it the mutation or the refusal it records — fail. Metadata is built by the code: shallow.
 */
function storable(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return storableText(value);
  if (depth > 20 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => storable(v, depth + 1));
  if (value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v, depth + 1)]));
}

const storableOrNull = (value: string | null | undefined) => (value == null ? value : storableText(value));

/** Appends one audit row. Append-only by design: nothing in the app updates or deletes them. */
export async function writeAudit(db: Pick<Db, "insert">, event: AuditEvent): Promise<void> {
  await db.insert(auditLogs).values({
    integratorId: event.integratorId,
    environment: event.environment ?? null,
    actorUserId: event.actorUserId ?? null,
    actorEmail: storableOrNull(event.actorEmail) ?? null,
    action: event.action,
    targetType: storableOrNull(event.targetType),
    targetId: storableOrNull(event.targetId),
    outcome: event.outcome ?? "success",
    ip: event.ip ?? null,
    userAgent: storableOrNull(event.userAgent?.slice(0, 512)) ?? null,
    metadata: event.metadata === undefined ? undefined : (storable(event.metadata) as Record<string, unknown>),
  });
}

/**
 * Runs a mutation whose refusals deserve an audit row although nothing changed (not found, locked,
 * insufficient balance, a reused key, a self-approval): a refusal it throws (an AppError, or only
 * `opts.only`) is recorded outside the rolled-back transaction, with its message as the reason,
 * then thrown on. A failed audit write is logged, never raised over the refusal.
 */
export async function auditRefusals<T>(
  db: Pick<Db, "insert">,
  event: Omit<AuditEvent, "outcome">,
  work: () => Promise<T>,
  opts: { outcome?: "failure" | "denied"; only?: abstract new (...args: never[]) => AppError } = {},
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof (opts.only ?? AppError)) {
      await writeAudit(db, { ...event, outcome: opts.outcome ?? "failure", metadata: { reason: e.message, ...event.metadata } }).catch((auditError) =>
        console.error(`[audit] could not record a refused ${event.action}`, auditError),
      );
    }
    throw e;
  }
}
