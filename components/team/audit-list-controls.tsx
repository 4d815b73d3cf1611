"use client";

import { useTimezone } from "@/components/shell/timezone";
import { useList } from "@/components/data-table/list-context";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import { AUDIT_FILTER_KEYS, AUDIT_PAGE_SIZES, auditExportUrl, auditSearchParams } from "@/lib/audit/list-contract";

/*
 * The client controls of the server-rendered audit log (app/(dashboard)/audit/page.tsx renders the
 * rows): each reads and writes the URL with the contract's parser map, and a change is a server
 * navigation in the list's transition.
 */

function useAuditListUrl(resolvedPage?: number) {
  return useListUrl({ parsers: auditSearchParams, filterKeys: AUDIT_FILTER_KEYS, resolvedPage });
}

/** Search, the date range, the actor / action / outcome filters, Views, Export CSV (the filtered log) and View. */
export function AuditToolbar({ filters, columns }: { filters: readonly ColumnFilterMeta[]; columns: readonly ColumnChoice[] }) {
  const list = useAuditListUrl();
  const { zone } = useTimezone();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by actor, target, action or IP", label: "Search the audit log" }}
      dateRange={{ zone }}
      exportHref={auditExportUrl(list.state, zone)}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N › (keyset paging through the server's cursors). */
export function AuditPagination({
  rowsDisplayed,
  resolvedPage,
  hasPrev,
  hasNext,
  prevCursor,
  nextCursor,
}: {
  rowsDisplayed: number;
  /** The page the server answered (going back past the start comes back as page 1). */
  resolvedPage?: number;
  hasPrev: boolean;
  hasNext: boolean;
  prevCursor: string | null;
  nextCursor: string | null;
}) {
  const list = useAuditListUrl(resolvedPage);
  const { pending } = useList();
  return (
    <DataTablePagination
      rowsDisplayed={rowsDisplayed}
      selected={0}
      page={list.state.page}
      pageSize={list.state.size}
      pageSizes={AUDIT_PAGE_SIZES}
      hasPrev={hasPrev}
      hasNext={hasNext}
      disabled={pending}
      onPrev={() => list.prevPage({ prevCursor })}
      onNext={() => list.nextPage({ nextCursor })}
      onPageSize={list.setPageSize}
    />
  );
}
