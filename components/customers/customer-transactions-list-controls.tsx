"use client";

import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListCursorPagination } from "@/components/data-table/data-table-pagination";
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

function useCustomerTxListUrl() {
  return useListUrl({ parsers: customerTransactionsSearchParams, filterKeys: CUSTOMER_TX_FILTER_KEYS });
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
export function CustomerTransactionsPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number; hasPrev: boolean; hasNext: boolean; prevCursor: string | null; nextCursor: string | null }) {
  return <ListCursorPagination parsers={customerTransactionsSearchParams} filterKeys={CUSTOMER_TX_FILTER_KEYS} pageSizes={CUSTOMER_TX_PAGE_SIZES} {...props} />;
}
