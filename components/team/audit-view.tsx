"use client";

import { useMemo } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { ScrollText } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusPill } from "@/components/ui/status-pill";
import { PageHeader } from "@/components/shell/page-header";
import { useScopeKey } from "@/components/shell/scope-context";
import { Timestamp, useTimezone } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import { AUDIT_ACTIONS, auditActionLabel } from "@/lib/audit/actions";
import {
  AUDIT_DEFAULT_SORT,
  AUDIT_FILTER_KEYS,
  AUDIT_PAGE_SIZES,
  auditExportUrl,
  auditListQuery,
  auditQueryKeys,
  auditSearchParams,
  type AuditFacets,
  type AuditListResponse,
  type AuditRow,
} from "@/lib/audit/list-contract";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";

function details(row: AuditRow): string {
  const m = row.metadata;
  if (!m) return "";
  const parts: string[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    const value =
      typeof v === "object" && !Array.isArray(v) && "name" in (v as object)
        ? String((v as { name: unknown }).name)
        : Array.isArray(v)
          ? v.join(", ")
          : typeof v === "object"
            ? JSON.stringify(v)
            : String(v);
    parts.push(`${k}: ${value}`);
  }
  return parts.join(" · ");
}

const OUTCOME_OPTIONS = [
  { value: "success", label: "Success" },
  { value: "failure", label: "Failure" },
  { value: "denied", label: "Denied" },
];

function columns(facets: AuditFacets): ColumnDef<AuditRow>[] {
  // Every action the app records, plus older codes seen in this log; by label.
  const actionOptions = [...new Set([...Object.keys(AUDIT_ACTIONS), ...facets.actions])]
    .map((a) => ({ value: a, label: auditActionLabel(a) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
  return [
    {
      id: "createdAt",
      accessorKey: "createdAt",
      enableHiding: false,
      meta: { label: "When", className: "align-top", card: "time" },
      header: ({ column }) => <DataTableColumnHeader column={column} title="When" />,
      cell: ({ row }) => <Timestamp value={row.original.createdAt} compact />,
    },
    {
      id: "actor",
      accessorKey: "actorEmail",
      enableSorting: false,
      meta: {
        label: "Who",
        className: "align-top",
        card: "field",
        filter: {
          key: "actor",
          title: "Actor",
          variant: "select",
          allLabel: "Everyone",
          options: facets.actors.map((a) => ({ value: a, label: a })),
        },
      },
      header: "Who",
      cell: ({ row: { original: r } }) => (
        <>
          <span className="block font-medium">{r.actorName ?? r.actorEmail ?? "System"}</span>
          {r.actorName && r.actorEmail && <span className="block text-xs text-muted-foreground">{r.actorEmail}</span>}
        </>
      ),
    },
    {
      id: "action",
      accessorKey: "action",
      enableSorting: false,
      meta: {
        label: "What",
        className: "align-top",
        card: "title",
        filter: { key: "action", title: "Action", options: actionOptions },
      },
      header: "What",
      cell: ({ row: { original: r } }) => (
        <>
          <span className="block">{auditActionLabel(r.action)}</span>
          <code className="text-xs text-muted-foreground">{r.action}</code>
        </>
      ),
    },
    {
      id: "target",
      enableSorting: false,
      meta: { label: "Target", className: "align-top text-xs", card: "field" },
      header: "Target",
      cell: ({ row: { original: r } }) =>
        r.targetType ? (
          <>
            <span className="block capitalize">{r.targetType}</span>
            <code className="text-muted-foreground">{r.targetId}</code>
          </>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "outcome",
      accessorKey: "outcome",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Outcome",
        className: "align-top",
        card: "status",
        filter: { key: "outcome", title: "Outcome", options: OUTCOME_OPTIONS },
      },
      header: "Outcome",
      cell: ({ row }) => <StatusPill status={row.original.outcome.toUpperCase()} />,
    },
    {
      id: "where",
      enableSorting: false,
      meta: { label: "Where", className: "align-top text-xs" },
      header: "Where",
      cell: ({ row: { original: r } }) => (
        <>
          <span className="block tabular-nums">{r.ip ?? "—"}</span>
          {r.environment && <span className="block text-muted-foreground capitalize">{r.environment}</span>}
        </>
      ),
    },
    {
      id: "details",
      enableSorting: false,
      meta: { label: "Details", className: "max-w-xs align-top text-xs text-muted-foreground whitespace-normal" },
      header: "Details",
      cell: ({ row: { original: r } }) => (
        <span className="line-clamp-3 break-words" title={r.userAgent ?? undefined}>
          {details(r) || "—"}
        </span>
      ),
    },
  ];
}

/**
 * The audit log on the list system: search, actor / action / outcome filters, dates, sort,
 * keyset paging (the cursor is in the URL) and hidden columns; export of the filtered log. The
 * server page prefetched the first page under the same key.
 */
export function AuditView({ facets }: { facets: AuditFacets }) {
  const scopeKey = useScopeKey();
  const { zone } = useTimezone();
  const urlState = useListState(auditSearchParams);
  const qs = auditListQuery(urlState, zone);
  const query = useQuery({
    queryKey: auditQueryKeys.list(scopeKey, urlState, zone),
    queryFn: ({ signal }) => fetchJson<AuditListResponse>(`/api/team/audit?${qs}`, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = query.data;
  const cols = useMemo(() => columns(facets), [facets]);
  const list = useDataTable({
    parsers: auditSearchParams,
    columns: cols,
    data: data?.rows,
    getRowId: (r) => String(r.id),
    filterKeys: AUDIT_FILTER_KEYS,
    defaultSort: AUDIT_DEFAULT_SORT,
    resolvedPage: data && !query.isPlaceholderData ? data.page : undefined,
  });
  const state = list.state;

  return (
    <>
      <PageHeader
        title="Audit Log"
        description="Who did what, when and from where, across your organisation. Entries cannot be edited or deleted."
      />
      <Card>
        <CardContent className="space-y-4">
          <DataTableToolbar
            list={list}
            search={{ placeholder: "Search by actor, target, action or IP", label: "Search the audit log" }}
            dateRange={{ zone }}
            exportHref={auditExportUrl(state, zone)}
          />
          <DataTable
            table={list.table}
            aria-label="Audit log"
            isLoading={query.isPending}
            isFetching={query.isFetching}
            skeletonRows={6}
            rowProps={(row) => ({ "data-testid": "audit-row", "data-action": row.original.action })}
            error={
              query.error ? <EmptyState title="Could not load the audit log" description={query.error.message} /> : null
            }
            empty={
              <EmptyState
                icon={<ScrollText />}
                title="No entries"
                description={list.isFiltered ? "No entries match these filters." : "Nothing has been recorded yet."}
              />
            }
          />
          <DataTablePagination
            rowsDisplayed={query.error ? 0 : (data?.rows.length ?? 0)}
            selected={0}
            page={state.page}
            pageSize={state.size}
            pageSizes={AUDIT_PAGE_SIZES}
            hasPrev={!!data?.hasPrev}
            hasNext={!!data?.hasNext}
            disabled={query.isFetching}
            onPrev={() => data && list.prevPage(data)}
            onNext={() => data && list.nextPage(data)}
            onPageSize={list.setPageSize}
          />
        </CardContent>
      </Card>
    </>
  );
}
