import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { auditFiltersSchema, AUDIT_PAGE_SIZE } from "@/lib/audit/query";
import { listAuditFacets, listAuditLogs } from "@/lib/audit/list-audit-logs";
import { AuditView } from "@/components/team/audit-view";

export const metadata: Metadata = { title: "Audit Log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requirePageScope("audit.read");
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const raw = {
    actor: one(sp.actor),
    action: one(sp.action),
    outcome: one(sp.outcome),
    from: one(sp.from),
    to: one(sp.to),
  };
  const parsed = auditFiltersSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v)));
  const filters = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [initial, facets] = await Promise.all([
    listAuditLogs(db, scope, { ...filters, limit: AUDIT_PAGE_SIZE }),
    listAuditFacets(db, scope),
  ]);
  return (
    <AuditView
      initial={initial}
      initialFilters={parsed.success ? (filters as Record<string, string | undefined>) : {}}
      facets={facets}
    />
  );
}
