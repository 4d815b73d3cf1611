import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { integrators, users } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { auditedBy, writeAudit, type AuditEvent } from "@/lib/audit/write-audit";
import { ForbiddenError } from "@/lib/auth/errors";

/** A transaction handle (what `db.transaction(async (tx) => …)` passes). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
}

/** What the gate passes a team service besides db, scope and input. `now` is injectable for tests. */
export interface ServiceContext {
  meta?: RequestInfo;
  now?: Date;
}

/**
 * Serialises every team mutation of one integrator (row lock on the integrator), so two owners
 * demoting each other, or two identical invites, cannot both pass their checks.
 */
export async function lockIntegrator(tx: Tx, integratorId: string): Promise<void> {
  await tx.select({ id: integrators.id }).from(integrators).where(eq(integrators.id, integratorId)).for("update");
}

/** Every JWT of the user is dead on its next use (the scope compares session versions). */
export async function bumpSessionVersion(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/** An audit row for a team event, by the scope's user, in the same transaction as the change. */
export function auditTeam(
  tx: DbOrTx,
  scope: Scope,
  ctx: ServiceContext,
  event: Pick<AuditEvent, "action" | "targetType" | "targetId" | "metadata" | "outcome">,
): Promise<void> {
  return writeAudit(tx, { ...auditedBy(scope, ctx.meta), ...event });
}

/**
 * Runs a team mutation; when a guard refuses it (last Owner, own role, a role above yours…),
 * records the attempt as a "denied" audit row (ASVS 16.3.2) before passing the refusal on.
 * The row is written outside the refused transaction, which rolled back.
 */
export async function auditDenials<R>(
  db: DbOrTx,
  scope: Scope,
  ctx: ServiceContext,
  event: Pick<AuditEvent, "action" | "targetType" | "targetId">,
  run: () => Promise<R>,
): Promise<R> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ForbiddenError) {
      await auditTeam(db, scope, ctx, { ...event, outcome: "denied", metadata: { reason: e.message } }).catch((err) =>
        console.error("[audit] could not record a denied attempt", err),
      );
    }
    throw e;
  }
}
