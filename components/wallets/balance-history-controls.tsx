"use client";

import { useTimezone } from "@/components/shell/timezone";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import {
  balanceHistoryExportUrl,
  balanceHistorySearchParams,
  HISTORY_FILTER_KEYS,
  HISTORY_PAGE_SIZES,
} from "@/lib/wallets/balance-history-contract";

/*
 * The client islands of a wallet's server-rendered balance history (balance-history.tsx renders
 * the rows): the toolbar and the paging. Each reads and writes the URL with the history contract's
 * parser map; a filter, a sort or a page is a server navigation in the list's transition.
 */

function useHistoryUrl() {
  return useListUrl({ parsers: balanceHistorySearchParams, filterKeys: HISTORY_FILTER_KEYS });
}

/** Search, dates, the kind filter, Views, Export CSV (the filtered history) and View. */
export function BalanceHistoryToolbar({
  walletId,
  filters,
  columns,
}: {
  walletId: string;
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
}) {
  const list = useHistoryUrl();
  const { zone } = useTimezone();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by reference or description...", label: "Search balance history" }}
      dateRange={{ zone }}
      exportHref={balanceHistoryExportUrl(walletId, list.state, zone)}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function BalanceHistoryPagination(props: { rowsDisplayed: number; total?: number }) {
  return <ListOffsetPagination parsers={balanceHistorySearchParams} filterKeys={HISTORY_FILTER_KEYS} pageSizes={HISTORY_PAGE_SIZES} {...props} />;
}
