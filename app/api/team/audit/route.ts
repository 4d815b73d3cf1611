import { gatedRoute } from "@/lib/auth/guard";
import { auditListSchema } from "@/lib/audit/query";
import { listAuditLogs } from "@/lib/audit/list-audit-logs";

/** One page of the audit log, newest first (keyset cursor `before`). */
export const GET = gatedRoute("audit.read", auditListSchema, async ({ db, scope, input }) =>
  listAuditLogs(db, scope, input),
);
