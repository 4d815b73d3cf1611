import "server-only";
import { History } from "lucide-react";
import type { SearchParams } from "nuqs/server";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage, requestZone } from "@/lib/client/page-data";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import { getBalanceHistory } from "@/lib/wallets/balance-history";
import { balanceHistoryListQuery, HISTORY_DEFAULT_SORT, HISTORY_FILTER_KEYS, type BalanceHistoryRow } from "@/lib/wallets/balance-history-contract";
import { balanceHistorySchema, loadBalanceHistorySearchParams } from "@/lib/wallets/balance-history-contract-schema";
import { LEDGER_KIND_LABELS, LEDGER_KINDS } from "@/lib/wallets/types";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/shell/timezone";
import { ListProvider } from "@/components/data-table/list-context";
import { columnControls, ServerDataTable, sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { ListError } from "@/components/data-table/list-error";
import { BalanceHistoryPagination, BalanceHistoryToolbar } from "./balance-history-controls";

type Col = ListColumn<BalanceHistoryRow>;

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

/** The history's columns (rendered on the server): only the time sorts; the kind is the toolbar's select filter. */
function historyColumns(currency: string): Col[] {
  return [
    {
      id: "createdAt",
      accessorKey: "createdAt",
      enableHiding: false,
      meta: { label: "Time", card: "time" },
      header: sortHeader<BalanceHistoryRow>("Time"),
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
            <span className="truncate text-xs text-muted-foreground" title={[r.reference, r.description].filter(Boolean).join(" · ") || r.id}>
              {r.reference ? <span className="font-mono">{r.reference}</span> : (r.description ?? <span className="font-mono">{r.id}</span>)}
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
          <dd>{row.original.depositBalanceAfter === null ? "—" : formatMoney(row.original.depositBalanceAfter, currency)}</dd>
          <dt className="text-muted-foreground">Main</dt>
          <dd>{row.original.payoutBalanceAfter === null ? "—" : formatMoney(row.original.payoutBalanceAfter, currency)}</dd>
        </dl>
      ),
    },
  ];
}

/**
 * A wallet's ledger, rendered on the server: one row per ledger transaction, newest first; search,
 * kind, dates, sort, paging and hidden columns in the URL, read with the route's schema and
 * service; exportable. The browser runs the toolbar and the paging (balance-history-controls.tsx).
 */
export async function BalanceHistory({
  scope,
  wallet,
  searchParams,
}: {
  scope: Scope;
  wallet: { id: string; currency: string };
  searchParams: Promise<SearchParams>;
}) {
  const [state, zone, db] = await Promise.all([loadBalanceHistorySearchParams(searchParams), requestZone(scope), getDb()]);
  const list = await readForPage(balanceHistorySchema, balanceHistoryListQuery(state, zone), (input) =>
    getBalanceHistory(db, scope, wallet.id, input),
  );
  const columns = historyColumns(wallet.currency);
  const controls = columnControls(columns);
  const rows = list.data?.rows ?? [];
  const total = list.data?.total;
  const filtered = HISTORY_FILTER_KEYS.some((k) => !!state[k]);

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <Card>
        <CardHeader className="grid gap-1.5">
          <h2 className="flex items-center gap-2 text-base leading-none font-semibold">
            <History className="size-4" aria-hidden /> Balance history
          </h2>
          <CardDescription>Deposit and main balance changes with the balances after each one.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-3">
          <BalanceHistoryToolbar walletId={wallet.id} filters={controls.filters} columns={controls.choices} />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={(r) => r.id}
            sort={state.sort}
            defaultSort={HISTORY_DEFAULT_SORT}
            hide={state.hide}
            show={state.show}
            aria-label="Balance history"
            error={list.error ? <ListError message={list.error} what="balance changes" /> : null}
            empty={
              <EmptyState
                title="No balance changes yet"
                description={filtered ? "Nothing matches these filters for this wallet." : "Collections, payouts and transfers will appear here."}
              />
            }
          />
          <BalanceHistoryPagination rowsDisplayed={rows.length} total={total} />
          {total !== undefined && (
            <p className="sr-only" aria-live="polite">{`${total.toLocaleString("en-US")} result${total === 1 ? "" : "s"}`}</p>
          )}
        </CardContent>
      </Card>
    </ListProvider>
  );
}
