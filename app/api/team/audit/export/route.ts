import { gatedRoute } from "@/lib/auth/guard";
import { auditFiltersSchema } from "@/lib/audit/query";
import { exportAuditCsv } from "@/lib/audit/list-audit-logs";

/** The filtered audit log as a CSV download (formula cells neutralised). */
export const GET = gatedRoute("audit.read", auditFiltersSchema, async ({ db, scope, input }) => {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(exportAuditCsv(db, scope, input), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
