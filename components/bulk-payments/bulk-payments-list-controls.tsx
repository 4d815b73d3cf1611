"use client";

import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import { BULK_UPLOAD_FILTER_KEYS, BULK_UPLOAD_PAGE_SIZES, bulkUploadsSearchParams } from "@/lib/bulk-payments/uploads-contract";

/*
 * The client controls of the server-rendered Bulk Payments table (bulk-payments-view.tsx renders
 * the rows): they read and write the URL with the uploads contract's parser map, and a change is
 * a server navigation in the list's transition.
 */

function useUploadsUrl() {
  return useListUrl({ parsers: bulkUploadsSearchParams, filterKeys: BULK_UPLOAD_FILTER_KEYS });
}

/** Search, the status filter, Views, the count and View. */
export function BulkUploadsToolbar({
  filters,
  columns,
  total,
}: {
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  /** Uploads matching the filters; unknown when the list could not be read. */
  total?: number;
}) {
  const list = useUploadsUrl();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by name or file name…", label: "Search bulk payments" }}
      actions={
        total !== undefined && (
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {total.toLocaleString("en-US")} bulk payment{total === 1 ? "" : "s"}
          </p>
        )
      }
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function BulkUploadsPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={bulkUploadsSearchParams} filterKeys={BULK_UPLOAD_FILTER_KEYS} pageSizes={BULK_UPLOAD_PAGE_SIZES} {...props} />;
}
