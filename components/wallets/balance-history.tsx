"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { ChevronLeft, ChevronRight, Download, History } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/shell/timezone";
import { useScopeKey } from "@/components/shell/scope-context";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import { LEDGER_KIND_LABELS, LEDGER_KINDS, type BalanceHistoryPage } from "@/lib/wallets/types";
import { fetchJson } from "./api";

const PAGE_SIZE = 20;

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

/** The wallet's ledger: one row per ledger transaction, newest first, paginated, filterable by kind, exportable. */
export function BalanceHistory({ walletId, currency }: { walletId: string; currency: string }) {
  const scopeKey = useScopeKey();
  const [{ page, kind }, setParams] = useQueryStates({
    page: parseAsInteger.withDefault(1),
    kind: parseAsString.withDefault(""),
  });
  const query = new URLSearchParams({ page: String(Math.max(1, page)), pageSize: String(PAGE_SIZE) });
  if (kind) query.set("kind", kind);
  const { data, isLoading, isFetching, error } = useQuery({
    queryKey: [...scopeKey, "wallets", walletId, "history", page, kind],
    queryFn: () => fetchJson<BalanceHistoryPage>(`/api/wallets/${walletId}/history?${query}`),
    placeholderData: keepPreviousData,
  });
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const exportHref = `/api/wallets/${walletId}/history/export${kind ? `?kind=${encodeURIComponent(kind)}` : ""}`;

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <h2 className="flex items-center gap-2 text-base leading-none font-semibold">
            <History className="size-4" aria-hidden /> Balance history
          </h2>
          <CardDescription>Deposit and main balance changes with the balances after each one.</CardDescription>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Select value={kind || "all"} onValueChange={(v) => void setParams({ kind: v === "all" ? null : v, page: null })}>
            <SelectTrigger aria-label="Kind" size="sm" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">All kinds</SelectItem>
              {LEDGER_KINDS.map((k) => (
                <SelectItem key={k} value={k}>
                  {LEDGER_KIND_LABELS[k]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Button asChild variant="outline" size="sm">
            <a href={exportHref} download>
              <Download aria-hidden /> Export CSV
            </a>
          </Button>
        </div>
      </CardHeader>
      <CardContent>
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{(error as Error).message}</AlertDescription>
          </Alert>
        ) : isLoading || !data ? (
          <div className="grid gap-2" aria-busy>
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : data.rows.length === 0 ? (
          <EmptyState title="No balance changes yet" description={kind ? "Nothing of this kind for this wallet." : "Collections, payouts and transfers will appear here."} />
        ) : (
          <>
            <Table aria-label="Balance history" aria-busy={isFetching}>
              <TableHeader>
                <TableRow>
                  <TableHead>Time</TableHead>
                  <TableHead>Kind / Reference</TableHead>
                  <TableHead className="text-right">Deposit change</TableHead>
                  <TableHead className="text-right">Main balance change</TableHead>
                  <TableHead className="text-right">Balances after</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <Timestamp value={r.createdAt} />
                    </TableCell>
                    <TableCell className="max-w-[15rem]">
                      <div className="grid gap-0.5">
                        <Badge variant="outline">{LEDGER_KIND_LABELS[r.kind] ?? r.kind}</Badge>
                        <span className="truncate text-xs text-muted-foreground" title={[r.reference, r.description].filter(Boolean).join(" · ") || r.id}>
                          {r.reference ? <span className="font-mono">{r.reference}</span> : (r.description ?? <span className="font-mono">{r.id}</span>)}
                        </span>
                      </div>
                    </TableCell>
                    <TableCell className="text-right">
                      <Delta value={r.depositDelta} currency={currency} />
                    </TableCell>
                    <TableCell className="text-right">
                      <Delta value={r.payoutDelta} currency={currency} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      <dl className="grid grid-cols-[auto_auto] justify-end gap-x-2 text-xs">
                        <dt className="text-muted-foreground">Deposit</dt>
                        <dd>{r.depositBalanceAfter === null ? "—" : formatMoney(r.depositBalanceAfter, currency)}</dd>
                        <dt className="text-muted-foreground">Main</dt>
                        <dd>{r.payoutBalanceAfter === null ? "—" : formatMoney(r.payoutBalanceAfter, currency)}</dd>
                      </dl>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
              <span>
                {data.total.toLocaleString("en-US")} result{data.total === 1 ? "" : "s"} · Page {data.page} of {totalPages}
              </span>
              <div className="flex gap-2">
                <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => void setParams({ page: page - 1 > 1 ? page - 1 : null })}>
                  <ChevronLeft aria-hidden /> Previous
                </Button>
                <Button variant="outline" size="sm" disabled={page >= totalPages} onClick={() => void setParams({ page: page + 1 })}>
                  Next <ChevronRight aria-hidden />
                </Button>
              </div>
            </nav>
          </>
        )}
      </CardContent>
    </Card>
  );
}
