"use client";

import { useTimezone } from "@/components/shell/timezone";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListCursorPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import { AUDIT_FILTER_KEYS, AUDIT_PAGE_SIZES, auditExportUrl, auditSearchParams } from "@/lib/audit/list-contract";

/*
 * The client controls of the server-rendered audit log (app/(dashboard)/audit/page.tsx renders the
 * rows): each reads and writes the URL with the contract's parser map, and a change is a server
 * navigation in the list's transition.
 */

function useAuditListUrl() {
  return useListUrl({ parsers: auditSearchParams, filterKeys: AUDIT_FILTER_KEYS });
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
export function AuditPagination(props: { rowsDisplayed: number; resolvedPage?: number; hasPrev: boolean; hasNext: boolean; prevCursor: string | null; nextCursor: string | null }) {
  return <ListCursorPagination parsers={auditSearchParams} filterKeys={AUDIT_FILTER_KEYS} pageSizes={AUDIT_PAGE_SIZES} {...props} />;
}
