import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import type { AuditEvent } from "@/lib/audit/write-audit";
import type { GateContext } from "@/lib/auth/guard";
import { auditDenials, type ServiceContext } from "./context";

type AuditTarget = Pick<AuditEvent, "action" | "targetType" | "targetId">;

/**
 * The handler of a team server action (passed to gatedAction, which stays visible at each export
 * so the role-matrix test can read every action's permission from the source): runs the service,
 * and records a refusal by one of the team guards (last Owner, own role…) as a "denied" audit row.
 */
export function auditedTeamService<I, R>(
  audit: (input: I) => AuditTarget,
  service: (db: Db, scope: Scope, input: I, ctx: ServiceContext) => Promise<R>,
) {
  return ({ db, scope, input, meta }: GateContext<I>): Promise<R> =>
    auditDenials(db, scope, { meta }, audit(input), () => service(db, scope, input, { meta }));
}
