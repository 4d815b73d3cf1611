import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { ScrollText } from "lucide-react";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { readForPage, requestZone } from "@/lib/client/page-data";
import { AUDIT_DEFAULT_SORT, AUDIT_FILTER_KEYS, auditListQuery, type AuditRow } from "@/lib/audit/list-contract";
import { auditListSchema, loadAuditSearchParams } from "@/lib/audit/list-contract-schema";
import { listAuditFacets, listAuditLogs } from "@/lib/audit/list-audit-logs";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ListProvider } from "@/components/data-table/list-context";
import { ListError } from "@/components/data-table/list-error";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { auditColumns } from "@/components/team/audit-columns";
import { AuditPagination, AuditToolbar } from "@/components/team/audit-list-controls";

export const metadata: Metadata = { title: "Audit Log" };

/**
 * The audit log, rendered on the server (the URL read with the contract's parser map, the route's
 * schema and service, in the zone the sidebar widget shows); the browser runs the toolbar and the
 * keyset pagination (audit-list-controls.tsx).
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("audit.read");
  const [state, zone, db] = await Promise.all([loadAuditSearchParams(searchParams), requestZone(scope), getDb()]);
  const [facets, list] = await Promise.all([
    listAuditFacets(db, scope),
    readForPage(auditListSchema, auditListQuery(state, zone), (input) => listAuditLogs(db, scope, input)),
  ]);
  const columns = auditColumns(facets);
  const controls = columnControls(columns);
  const page = list.data;
  const rows: AuditRow[] = page?.rows ?? [];
  const filtered = AUDIT_FILTER_KEYS.some((k) => {
    const v = state[k];
    return Array.isArray(v) ? v.length > 0 : !!v;
  });

  return (
    <ListProvider rowIds={rows.map((r) => String(r.id))}>
      <PageHeader
        title="Audit Log"
        description="Who did what, when and from where, across your organisation. Entries cannot be edited or deleted."
      />
      <Card>
        <CardContent className="space-y-4">
          <AuditToolbar filters={controls.filters} columns={controls.choices} />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={(r) => String(r.id)}
            sort={state.sort}
            defaultSort={AUDIT_DEFAULT_SORT}
            hide={state.hide}
            show={state.show}
            aria-label="Audit log"
            rowProps={(row) => ({ "data-testid": "audit-row", "data-action": row.action })}
            error={list.error ? <ListError message={list.error} what="entries" /> : null}
            empty={
              <EmptyState
                icon={<ScrollText />}
                title="No entries"
                description={filtered ? "No entries match these filters." : "Nothing has been recorded yet."}
              />
            }
          />
          <AuditPagination
            rowsDisplayed={rows.length}
            resolvedPage={page?.page}
            hasPrev={!!page?.hasPrev}
            hasNext={!!page?.hasNext}
            prevCursor={page?.prevCursor ?? null}
            nextCursor={page?.nextCursor ?? null}
          />
        </CardContent>
      </Card>
    </ListProvider>
  );
}
