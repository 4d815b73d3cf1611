"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import {
  getCoreRowModel, useReactTable, type OnChangeFn, type RowSelectionState, type SortingState, type Updater, type VisibilityState,
} from "@tanstack/react-table";
import { Download, RefreshCw, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/shell/page-header";
import { useScope, useScopeKey } from "@/components/shell/scope-context";
import { useTimezone } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { DataTableDateRange } from "@/components/data-table/data-table-date-range";
import { DataTableAmountRange } from "@/components/data-table/data-table-amount-range";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableSearch } from "@/components/data-table/data-table-search";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { COUNTRIES } from "@/lib/markets";
import { KIND_CONFIG, type ListSlug } from "@/lib/transactions/kinds";
import { DEFAULT_SORT, FILTER_PARAMS, PAGE_SIZES, parseSort } from "@/lib/transactions/list-params";
import type { TxRow } from "@/lib/transactions/types";
import { transactionColumns } from "./transaction-columns";
import { TransactionCounters, TransactionStatCards } from "./transaction-stats";
import { TransactionDetailSheet } from "./transaction-detail-sheet";
import { exportUrl, useTxList, useTxStats, useTxTableState } from "./use-transactions";

const NO_ROWS: TxRow[] = [];

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === "function" ? (updater as (o: T) => T)(old) : updater;
}

/**
 * A transaction list: the URL (nuqs) holds search, filters, sort, page, page size, hidden columns
 * and the open transaction; TanStack Table runs in manual mode on the server's page.
 * `variant="page"` is a whole list page (header, stat cards, counters); `"home"` is the dashboard's
 * Recent Transactions card.
 */
export function TransactionsView({ slug, variant = "page" }: { slug: ListSlug; variant?: "page" | "home" }) {
  const config = KIND_CONFIG[slug];
  const scope = useScope();
  const scopeKey = useScopeKey();
  const { zone } = useTimezone();
  const queryClient = useQueryClient();
  const [state, setState] = useTxTableState();
  const list = useTxList(slug, state);
  const stats = useTxStats(slug, state, variant === "page");
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});

  const country = scope.market.country;
  const columns = useMemo(() => transactionColumns(slug, COUNTRIES[country]?.networks ?? []), [slug, country]);

  // A page past the end comes back as the last page: show that page number.
  const data = list.data;
  const settled = !!data && !list.isPlaceholderData;
  useEffect(() => {
    if (settled && data && data.page !== state.page) {
      void setState({ page: data.page === 1 ? null : data.page, cursor: data.page === 1 ? null : state.cursor });
    }
  }, [settled, data, state.page, state.cursor, setState]);
  // Selection is per page.
  useEffect(() => setRowSelection({}), [state.page, state.cursor, state.size]);

  /** A filter change starts again at page 1. */
  const setFilters = useCallback(
    (changes: Partial<Record<(typeof FILTER_PARAMS)[number], string | string[] | null>>) => {
      const cleaned = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, Array.isArray(v) ? (v.length ? v : null) : v || null]));
      void setState({ ...cleaned, page: null, cursor: null });
    },
    [setState],
  );

  const sort = parseSort(state.sort) ?? parseSort(DEFAULT_SORT)!;
  const sorting: SortingState = [{ id: sort.column, desc: sort.dir === "desc" }];
  const onSortingChange: OnChangeFn<SortingState> = (u) => {
    const next = resolve(u, sorting)[0];
    void setState({ sort: next ? `${next.id}.${next.desc ? "desc" : "asc"}` : null, page: null, cursor: null });
  };
  const columnVisibility: VisibilityState = Object.fromEntries(state.hide.map((id) => [id, false]));
  const onColumnVisibilityChange: OnChangeFn<VisibilityState> = (u) => {
    const next = resolve(u, columnVisibility);
    void setState({ hide: Object.entries(next).filter(([, v]) => v === false).map(([k]) => k) });
  };

  const rows = useMemo(() => data?.rows ?? NO_ROWS, [data]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is the table engine here
  const table = useReactTable<TxRow>({
    data: rows,
    columns,
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange,
    onColumnVisibilityChange,
    onRowSelectionChange: setRowSelection,
  });

  const selectedIds = Object.keys(rowSelection).filter((k) => rowSelection[k]);
  const filtered = FILTER_PARAMS.some((k) => {
    const v = state[k];
    return Array.isArray(v) ? v.length > 0 : !!v;
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [...scopeKey, "transactions", slug] });
  const total = stats.data?.counters.total;
  const pageCount = variant === "page" && total !== undefined ? Math.max(1, Math.ceil(total / state.size)) : undefined;
  const rowsLabel = (r: TxRow) => `Open transaction ${r.referenceId}`;

  const filterColumns = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.filter);
  const listError = list.error;

  const toolbar = (
    <div className="flex flex-wrap items-center gap-2">
      <DataTableSearch value={state.q} onChange={(q) => setFilters({ q })} placeholder={config.searchPlaceholder} label={config.searchPlaceholder.replace(/\.\.\.$/, "")} />
      {variant === "page" && (
        <>
          <DataTableDateRange from={state.from} to={state.to} zone={zone} onChange={(r) => setFilters(r)} />
          {filterColumns.map((c) => {
            const f = c.columnDef.meta!.filter!;
            const key = f.key as "status" | "network" | "method" | "chain" | "token" | "refund";
            return <DataTableFacetedFilter key={f.key} title={f.title} options={f.options} selected={state[key]} onChange={(v) => setFilters({ [key]: v })} />;
          })}
          <DataTableAmountRange min={state.min} max={state.max} currency={scope.market.currency} onChange={(r) => setFilters(r)} />
        </>
      )}
      {variant === "home" &&
        filterColumns.map((c) => {
          const f = c.columnDef.meta!.filter!;
          return <DataTableFacetedFilter key={f.key} title={f.title} options={f.options} selected={state.status} onChange={(v) => setFilters({ status: v })} />;
        })}
      {filtered && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => void setState({ ...Object.fromEntries(FILTER_PARAMS.map((k) => [k, null])), page: null, cursor: null })}
        >
          <RotateCcw aria-hidden /> Reset
        </Button>
      )}
      <div className="ml-auto flex items-center gap-2">
        {selectedIds.length > 0 && (
          <Button asChild variant="secondary" size="sm">
            <a href={exportUrl(slug, state, zone, selectedIds)} download>
              <Download aria-hidden /> Export selected ({selectedIds.length})
            </a>
          </Button>
        )}
        <Button asChild variant="outline" size="sm">
          <a href={exportUrl(slug, state, zone)} download aria-label={`Export ${filtered ? "the filtered" : "all"} ${config.title.toLowerCase()} as CSV`}>
            <Download aria-hidden /> Export
          </a>
        </Button>
        <DataTableViewOptions table={table} />
      </div>
    </div>
  );

  const body = (
    <div className="space-y-3">
      {toolbar}
      <DataTable
        table={table}
        aria-label={config.tableTitle}
        isLoading={list.isPending}
        isFetching={list.isFetching}
        onRowClick={(row) => void setState({ tx: row.original.id }, { history: "push" })}
        rowLabel={(row) => rowsLabel(row.original)}
        skeletonRows={variant === "home" ? 5 : 8}
        error={
          listError ? (
            <Alert variant="destructive" className="my-4">
              <AlertTitle>These transactions could not be shown</AlertTitle>
              <AlertDescription>
                <p>{listError.message}</p>
                <Button
                  variant="outline"
                  size="sm"
                  className="mt-2"
                  onClick={() => void setState({ ...Object.fromEntries(FILTER_PARAMS.map((k) => [k, null])), sort: null, page: null, cursor: null, size: null })}
                >
                  Reset filters
                </Button>
              </AlertDescription>
            </Alert>
          ) : null
        }
      />
      <DataTablePagination
        rowsDisplayed={listError ? 0 : (data?.rows.length ?? 0)}
        selected={selectedIds.length}
        page={state.page}
        pageCount={pageCount}
        pageSize={state.size}
        pageSizes={PAGE_SIZES}
        hasPrev={!!data?.hasPrev}
        hasNext={!!data?.hasNext}
        disabled={list.isFetching}
        onPrev={() => {
          if (!data) return;
          const prev = state.page - 1;
          void setState(prev <= 1 ? { page: null, cursor: null } : { page: prev, cursor: data.prevCursor });
        }}
        onNext={() => {
          if (!data) return;
          void setState({ page: state.page + 1, cursor: data.nextCursor });
        }}
        onPageSize={(size) => void setState({ size, page: null, cursor: null })}
      />
      <TransactionDetailSheet slug={slug} id={state.tx} onClose={() => void setState({ tx: null }, { history: "push" })} />
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
          <Button variant="outline" onClick={refresh} disabled={list.isFetching || stats.isFetching}>
            <RefreshCw className={list.isFetching || stats.isFetching ? "animate-spin" : undefined} aria-hidden /> Refresh
          </Button>
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
