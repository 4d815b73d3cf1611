"use client";

import { useList } from "@/components/data-table/list-context";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import {
  CUSTOMER_TX_FILTER_KEYS,
  CUSTOMER_TX_PAGE_SIZES,
  customerTransactionsSearchParams,
} from "@/lib/customers/customer-transactions-contract";

/*
 * The client controls of a customer's server-rendered transactions (customer-detail.tsx renders
 * the rows): they read and write the URL with the contract's parser map; a change is a server
 * navigation.
 */

function useCustomerTxListUrl(resolvedPage?: number) {
  return useListUrl({ parsers: customerTransactionsSearchParams, filterKeys: CUSTOMER_TX_FILTER_KEYS, resolvedPage });
}

/** The status and kind filters, Views and View. */
export function CustomerTransactionsToolbar({
  filters,
  columns,
}: {
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
}) {
  const list = useCustomerTxListUrl();
  return <DataTableToolbar list={list} filters={filters} columns={columns} />;
}

/** "N row(s) displayed", rows per page and ‹ Page N of M › (keyset paging through the server's cursors). */
export function CustomerTransactionsPagination({
  rowsDisplayed,
  total,
  resolvedPage,
  hasPrev,
  hasNext,
  prevCursor,
  nextCursor,
}: {
  rowsDisplayed: number;
  /** Rows matching the filters; unknown when the list could not be read. */
  total: number | undefined;
  /** The page the server answered (a page past the end comes back as the last one). */
  resolvedPage?: number;
  hasPrev: boolean;
  hasNext: boolean;
  prevCursor: string | null;
  nextCursor: string | null;
}) {
  const list = useCustomerTxListUrl(resolvedPage);
  const { pending } = useList();
  return (
    <DataTablePagination
      rowsDisplayed={rowsDisplayed}
      selected={0}
      page={list.page}
      pageCount={total === undefined ? undefined : Math.max(1, Math.ceil(total / list.pageSize))}
      pageSize={list.pageSize}
      pageSizes={CUSTOMER_TX_PAGE_SIZES}
      hasPrev={hasPrev}
      hasNext={hasNext}
      disabled={pending}
      onPrev={() => list.prevPage({ prevCursor })}
      onNext={() => list.nextPage({ nextCursor })}
      onPageSize={list.setPageSize}
    />
  );
}
