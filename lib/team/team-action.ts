import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { AuditEvent } from "@/lib/audit/write-audit";
import { gatedAction } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { auditDenials, type ServiceContext, type TeamScope } from "./context";

type AuditTarget = Pick<AuditEvent, "action" | "targetType" | "targetId">;

/**
 * A team server action: the gate (session, permission, zod input), then the service, with a
 * refusal by one of the team guards (last Owner, own role…) recorded as a "denied" audit row.
 */
export function teamAction<S extends z.ZodType, R>(
  name: string,
  permission: Permission,
  schema: S,
  audit: (input: z.infer<S>) => AuditTarget,
  service: (db: Db, scope: TeamScope, input: z.infer<S>, ctx: ServiceContext) => Promise<R>,
) {
  return gatedAction(name, permission, schema, ({ db, scope, input, meta }) =>
    auditDenials(db, scope, { meta }, audit(input), () => service(db, scope, input, { meta })),
  );
}
