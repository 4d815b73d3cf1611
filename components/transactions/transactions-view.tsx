"use client";

import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { warmUp } from "@/components/ui/on-demand";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { Download, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { NewCollectionDialog } from "@/components/engine/new-collection-dialog";
import { SendMoneyDialog } from "@/components/engine/send-money-dialog";
import { useScope, useScopeKey } from "@/components/shell/scope-context";
import { useTimezone } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableError } from "@/components/data-table/data-table-error";
import { DataTableAmountRange } from "@/components/data-table/data-table-amount-range";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import { COUNTRIES } from "@/lib/markets";
import { KIND_CONFIG, type ListSlug } from "@/lib/transactions/kinds";
import {
  DEFAULT_SORT,
  FILTER_PARAMS,
  PAGE_SIZES,
  txExportUrl,
  txQueryKeys,
  txSearchParams,
  type TxRow,
} from "@/lib/transactions/list-contract";
import { transactionColumns } from "./transaction-columns";
import { TransactionCounters, TransactionStatCards } from "./transaction-stats";
import { useTxList, useTxStats } from "./use-transactions";

// The detail sheet (Radix Dialog, the engine's action dialogs) loads when a row is first opened (or
// the URL names one), fetched ahead when the pointer or focus reaches the table.
const loadSheet = () => import("./transaction-detail-sheet");
const TransactionDetailSheet = dynamic(() => import("./transaction-detail-sheet").then((m) => m.TransactionDetailSheet), { ssr: false });
const warmSheet = warmUp(loadSheet);

/**
 * A transaction list on the list system: the URL (the contract's parser map, through
 * useDataTable) holds search, filters, sort, page, page size, hidden columns and the open
 * transaction; the server page prefetched the first answer under the same key.
 * `variant="page"` is a whole list page (header, stat cards, counters); `"home"` is the dashboard's
 * Recent Transactions card.
 */
export function TransactionsView({ slug, variant = "page" }: { slug: ListSlug; variant?: "page" | "home" }) {
  const config = KIND_CONFIG[slug];
  const scope = useScope();
  const scopeKey = useScopeKey();
  const { zone } = useTimezone();
  const queryClient = useQueryClient();

  const country = scope.market.country;
  const columns = useMemo(() => transactionColumns(slug, COUNTRIES[country]?.networks ?? []), [slug, country]);

  const urlState = useListState(txSearchParams);
  const listQuery = useTxList(slug, urlState, zone);
  const stats = useTxStats(slug, urlState, zone, variant === "page");
  const data = listQuery.data;
  const list = useDataTable({
    parsers: txSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r: TxRow) => r.id,
    filterKeys: FILTER_PARAMS,
    defaultSort: DEFAULT_SORT,
    resolvedPage: data && !listQuery.isPlaceholderData ? data.page : undefined,
    enableRowSelection: true,
  });
  const state = list.state;
  const filtered = list.isFiltered;
  const selectedIds = list.selectedIds;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: txQueryKeys.all(scopeKey, slug) });
  const total = stats.data?.counters.total;
  const pageCount = variant === "page" && total !== undefined ? Math.max(1, Math.ceil(total / state.size)) : undefined;
  const listError = listQuery.error;
  // Mounted from the first opened transaction on (closing animates, focus goes back to the row).
  const [sheetUsed, setSheetUsed] = useState(false);
  if (state.tx && !sheetUsed) setSheetUsed(true);

  const toolbar = (
    <DataTableToolbar
      list={list}
      search={{ placeholder: config.searchPlaceholder, label: config.searchPlaceholder.replace(/\.\.\.$/, "") }}
      dateRange={variant === "page" ? { zone } : undefined}
      onlyFilters={variant === "home" ? ["status"] : undefined}
      actions={
        <>
          {selectedIds.length > 0 && (
            <Button asChild variant="secondary" size="sm">
              <a href={txExportUrl(slug, state, zone, selectedIds)} download>
                <Download aria-hidden /> Export selected ({selectedIds.length})
              </a>
            </Button>
          )}
          <Button asChild variant="outline" size="sm">
            <a
              href={txExportUrl(slug, state, zone)}
              download
              aria-label={`Export ${filtered ? "the filtered" : "all"} ${config.title.toLowerCase()} as CSV`}
            >
              <Download aria-hidden /> Export
            </a>
          </Button>
        </>
      }
    >
      {variant === "page" && (
        <DataTableAmountRange
          min={state.min}
          max={state.max}
          currency={scope.market.currency}
          onChange={(r) => list.setFilters(r)}
        />
      )}
    </DataTableToolbar>
  );

  const body = (
    <div className="space-y-3">
      {toolbar}
      <div onPointerEnter={warmSheet} onFocus={warmSheet}>
        <DataTable
          table={list.table}
          aria-label={config.tableTitle}
          isLoading={listQuery.isPending}
          isFetching={listQuery.isFetching}
          onRowClick={(row) => void list.setState({ tx: row.original.id }, { history: "push" })}
          rowLabel={(row) => `Open transaction ${row.original.referenceId}`}
          skeletonRows={variant === "home" ? 5 : 8}
          error={
            listError ? <DataTableError error={listError} what="transactions" onReset={list.resetView} /> : null
          }
        />
      </div>
      <DataTablePagination
        rowsDisplayed={listError ? 0 : (data?.rows.length ?? 0)}
        selected={selectedIds.length}
        page={state.page}
        pageCount={pageCount}
        pageSize={state.size}
        pageSizes={PAGE_SIZES}
        hasPrev={!!data?.hasPrev}
        hasNext={!!data?.hasNext}
        disabled={listQuery.isFetching}
        onPrev={() => data && list.prevPage(data)}
        onNext={() => data && list.nextPage(data)}
        onPageSize={list.setPageSize}
      />
      {sheetUsed && (
        <TransactionDetailSheet
          slug={slug}
          id={state.tx}
          onClose={() => void list.setState({ tx: null }, { history: "push" })}
        />
      )}
    </div>
  );

  if (variant === "home") {
    return (
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>Recent Transactions</CardTitle>
            <CardDescription>Latest activity across all your accounts</CardDescription>
          </div>
          {scope.permissions.includes("collections.read") && (
            <Button asChild variant="link" size="sm">
              <Link href="/collections">View All</Link>
            </Button>
          )}
        </CardHeader>
        <CardContent>{body}</CardContent>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={config.title}
        description={config.description}
        actions={
          <>
            <Button variant="outline" onClick={refresh} disabled={listQuery.isFetching || stats.isFetching}>
              <RefreshCw className={listQuery.isFetching || stats.isFetching ? "animate-spin" : undefined} aria-hidden />{" "}
              Refresh
            </Button>
            {slug === "collections" && <NewCollectionDialog openParam="new-collection" />}
            {slug === "payouts" && (
              <Button asChild variant="outline" size="sm">
                <Link href="/payouts/approvals">Approvals</Link>
              </Button>
            )}
            {slug === "payouts" && <SendMoneyDialog openParam="send-money" />}
          </>
        }
      />
      <TransactionStatCards config={config} stats={stats.data} loading={stats.isPending} />
      <TransactionCounters stats={stats.data} loading={stats.isPending} />
      {stats.error && !listError && (
        <p className="text-sm text-destructive dark:text-red-300" role="status">
          Counters unavailable: {stats.error.message}
        </p>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{config.tableTitle}</CardTitle>
          <CardDescription>{config.tableDescription}</CardDescription>
        </CardHeader>
        <CardContent>{body}</CardContent>
      </Card>
    </div>
  );
}
