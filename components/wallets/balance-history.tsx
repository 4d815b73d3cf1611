"use client";

import { useMemo } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { History } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp, useTimezone } from "@/components/shell/timezone";
import { useScopeKey } from "@/components/shell/scope-context";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import { LEDGER_KIND_LABELS, LEDGER_KINDS } from "@/lib/wallets/types";
import {
  balanceHistoryExportUrl,
  balanceHistoryListQuery,
  balanceHistoryQueryKeys,
  balanceHistorySearchParams,
  HISTORY_DEFAULT_SORT,
  HISTORY_FILTER_KEYS,
  HISTORY_PAGE_SIZES,
  type BalanceHistoryPage,
  type BalanceHistoryRow,
} from "@/lib/wallets/balance-history-contract";

function Delta({ value, currency }: { value: string; currency: string }) {
  const v = BigInt(value);
  if (v === 0n) return <span className="text-muted-foreground">—</span>;
  return (
    <span className={cn("tabular-nums font-medium", v > 0n ? "text-success" : "text-destructive dark:text-red-300")}>
      {v > 0n ? "+" : "−"}
      {formatMoney(v > 0n ? v : -v, currency)}
    </span>
  );
}

function columns(currency: string): ColumnDef<BalanceHistoryRow>[] {
  return [
    {
      id: "createdAt",
      accessorKey: "createdAt",
      enableHiding: false,
      meta: { label: "Time", card: "time" },
      header: ({ column }) => <DataTableColumnHeader column={column} title="Time" />,
      cell: ({ row }) => <Timestamp value={row.original.createdAt} compact />,
    },
    {
      id: "kind",
      accessorKey: "kind",
      enableSorting: false,
      meta: {
        label: "Kind / Reference",
        className: "max-w-[15rem]",
        card: "title",
        filter: {
          key: "kind",
          title: "Kind",
          variant: "select",
          allLabel: "All kinds",
          options: LEDGER_KINDS.map((k) => ({ value: k, label: LEDGER_KIND_LABELS[k] })),
        },
      },
      header: "Kind / Reference",
      cell: ({ row }) => {
        const r = row.original;
        return (
          <div className="grid gap-0.5">
            <Badge variant="outline">{LEDGER_KIND_LABELS[r.kind] ?? r.kind}</Badge>
            <span
              className="truncate text-xs text-muted-foreground"
              title={[r.reference, r.description].filter(Boolean).join(" · ") || r.id}
            >
              {r.reference ? (
                <span className="font-mono">{r.reference}</span>
              ) : (
                (r.description ?? <span className="font-mono">{r.id}</span>)
              )}
            </span>
          </div>
        );
      },
    },
    {
      id: "depositDelta",
      accessorKey: "depositDelta",
      enableSorting: false,
      meta: { label: "Deposit change", align: "right", card: "field" },
      header: "Deposit change",
      cell: ({ row }) => <Delta value={row.original.depositDelta} currency={currency} />,
    },
    {
      id: "payoutDelta",
      accessorKey: "payoutDelta",
      enableSorting: false,
      meta: { label: "Main balance change", align: "right", card: "field" },
      header: "Main balance change",
      cell: ({ row }) => <Delta value={row.original.payoutDelta} currency={currency} />,
    },
    {
      id: "balancesAfter",
      enableSorting: false,
      meta: { label: "Balances after", align: "right" },
      header: "Balances after",
      cell: ({ row }) => (
        <dl className="grid grid-cols-[auto_auto] justify-end gap-x-2 text-xs">
          <dt className="text-muted-foreground">Deposit</dt>
          <dd>
            {row.original.depositBalanceAfter === null ? "—" : formatMoney(row.original.depositBalanceAfter, currency)}
          </dd>
          <dt className="text-muted-foreground">Main</dt>
          <dd>
            {row.original.payoutBalanceAfter === null ? "—" : formatMoney(row.original.payoutBalanceAfter, currency)}
          </dd>
        </dl>
      ),
    },
  ];
}

/**
 * The wallet's ledger on the list system: one row per ledger transaction, newest first; search,
 * kind, dates, sort, paging and hidden columns in the URL; exportable. The server page prefetched
 * the first page under the same key.
 */
export function BalanceHistory({ walletId, currency }: { walletId: string; currency: string }) {
  const scopeKey = useScopeKey();
  const { zone } = useTimezone();
  const urlState = useListState(balanceHistorySearchParams);
  const qs = balanceHistoryListQuery(urlState, zone);
  const query = useQuery({
    queryKey: balanceHistoryQueryKeys.list(scopeKey, walletId, urlState, zone),
    queryFn: ({ signal }) =>
      fetchJson<BalanceHistoryPage>(`/api/wallets/${encodeURIComponent(walletId)}/history?${qs}`, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = query.data;
  const cols = useMemo(() => columns(currency), [currency]);
  const list = useDataTable({
    parsers: balanceHistorySearchParams,
    columns: cols,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: HISTORY_FILTER_KEYS,
    defaultSort: HISTORY_DEFAULT_SORT,
  });
  const state = list.state;

  return (
    <Card>
      <CardHeader className="grid gap-1.5">
        <h2 className="flex items-center gap-2 text-base leading-none font-semibold">
          <History className="size-4" aria-hidden /> Balance history
        </h2>
        <CardDescription>Deposit and main balance changes with the balances after each one.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <DataTableToolbar
          list={list}
          search={{ placeholder: "Search by reference or description...", label: "Search balance history" }}
          dateRange={{ zone }}
          exportHref={balanceHistoryExportUrl(walletId, state, zone)}
        />
        <DataTable
          table={list.table}
          aria-label="Balance history"
          isLoading={query.isPending}
          isFetching={query.isFetching}
          skeletonRows={5}
          error={
            query.error ? (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{query.error.message}</AlertDescription>
              </Alert>
            ) : null
          }
          empty={
            <EmptyState
              title="No balance changes yet"
              description={
                list.isFiltered
                  ? "Nothing matches these filters for this wallet."
                  : "Collections, payouts and transfers will appear here."
              }
            />
          }
        />
        <DataTableOffsetPagination
          list={list}
          rowsDisplayed={query.error ? 0 : (data?.rows.length ?? 0)}
          total={data?.total}
          pageSizes={HISTORY_PAGE_SIZES}
          disabled={query.isFetching}
        />
        {data && (
          <p
            className="sr-only"
            aria-live="polite"
          >{`${data.total.toLocaleString("en-US")} result${data.total === 1 ? "" : "s"}`}</p>
        )}
      </CardContent>
    </Card>
  );
}
