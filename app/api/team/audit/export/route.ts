import { gatedRoute } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv";
import { auditListSchema } from "@/lib/audit/list-contract-schema";
import { exportAuditCsv } from "@/lib/audit/list-audit-logs";

/** The filtered audit log as a streamed CSV download (formula cells neutralised; sort and paging ignored). */
export const GET = gatedRoute("audit.read", auditListSchema, async ({ db, scope, input }) => {
  const { filename, header, lines } = exportAuditCsv(db, scope, input);
  return csvResponse(filename, header, lines);
});
