import { gatedRoute } from "@/lib/auth/guard";
import { auditListSchema } from "@/lib/audit/list-contract-schema";
import { listAuditLogs } from "@/lib/audit/list-audit-logs";

/** One page of the audit log (keyset cursors both ways; see lib/audit/list-contract.ts for the query). */
export const GET = gatedRoute("audit.read", auditListSchema, async ({ db, scope, input }) =>
  listAuditLogs(db, scope, input),
);
