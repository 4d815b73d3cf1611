"use client";

import { useCallback } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { LinkTabs } from "@/components/ui/link-tabs";
import { useList } from "@/components/data-table/list-context";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import { BULK_ITEM_FILTER_KEYS, BULK_ITEM_PAGE_SIZES, batchItemsSearchParams, selectedBatchId } from "@/lib/bulk-payments/items-contract";
import { ListCount } from "@/components/data-table/list-count";

/*
 * The client controls of a batch's server-rendered recipients (bulk-upload-detail.tsx renders the
 * rows): they read and write the URL with the items contract's parser map (`batch` included), and
 * a change is a server navigation in the list's transition.
 */

function useItemsUrl() {
  return useListUrl({ parsers: batchItemsSearchParams, filterKeys: BULK_ITEM_FILTER_KEYS });
}

/** Shows another batch's recipients (`batch` in the URL), from their first page and without the previous batch's filters. */
export function useSelectBatch(): (batchId: string) => void {
  const { setState } = useItemsUrl();
  return useCallback((batchId) => void setState({ batch: batchId, q: null, status: null, sort: null, page: null }), [setState]);
}

/** Search, the status filter, Views, the count and View. */
export function BatchItemsToolbar({
  filters,
  columns,
  total,
}: {
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  /** Recipients matching the filters; unknown when the list could not be read. */
  total?: number;
}) {
  const list = useItemsUrl();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by name, phone or reference…", label: "Search recipients" }}
      actions={total !== undefined && <ListCount total={total} noun="recipient" />}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function BatchItemsPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={batchItemsSearchParams} filterKeys={BULK_ITEM_FILTER_KEYS} pageSizes={BULK_ITEM_PAGE_SIZES} {...props} />;
}

/**
 * A tab per batch around the shown batch's recipients (the server rendered them as `children`).
 * A tab shows at once; the rows follow from the server, the previous ones dimmed until then.
 */
export function BatchTabs({ batches, children }: { batches: readonly { id: string; label: string }[]; children: React.ReactNode }) {
  const { state } = useItemsUrl();
  const { pending } = useList();
  const selectBatch = useSelectBatch();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = selectedBatchId(batches, state.batch);
  if (!current) return null;
  // What selectBatch writes, as a link (a new tab opens that batch).
  const hrefOf = (batchId: string) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const key of ["q", "status", "sort", "page"]) params.delete(key);
    params.set("batch", batchId);
    return `${pathname}?${params}`;
  };
  return (
    <LinkTabs
      label="Batch"
      idPrefix="batch"
      tabs={batches.map((b) => ({ value: b.id, label: b.label, href: hrefOf(b.id) }))}
      selected={current}
      onOpen={selectBatch}
      pending={pending}
      listClassName="h-auto flex-wrap"
    >
      {children}
    </LinkTabs>
  );
}
