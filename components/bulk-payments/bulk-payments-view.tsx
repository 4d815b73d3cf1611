"use client";

import { useMemo } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { BadgeCheck, Layers, Percent, Plus, Users, XCircle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StatCard } from "@/components/ui/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableError } from "@/components/data-table/data-table-error";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import "@/components/data-table/types";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { formatMoney } from "@/lib/money";
import { BULK_UPLOAD_STATUS_LABEL, BULK_UPLOAD_STATUSES, type BulkCurrencyTotal } from "@/lib/bulk-payments/dto";
import {
  BULK_STATS_URL,
  BULK_UPLOAD_DEFAULT_SORT,
  BULK_UPLOAD_FILTER_KEYS,
  BULK_UPLOAD_PAGE_SIZES,
  bulkPaymentsQueryKeys,
  bulkUploadHref,
  bulkUploadsSearchParams,
  bulkUploadsUrl,
  newBulkPaymentHref,
  type BulkPaymentStatsDto,
  type BulkUploadRow,
  type BulkUploadsListResponse,
} from "@/lib/bulk-payments/uploads-contract";
import { UploadStatusPill } from "./bulk-status";

const STATUS_OPTIONS = BULK_UPLOAD_STATUSES.map((s) => ({ value: s, label: BULK_UPLOAD_STATUS_LABEL[s] }));
const count = (n: number) => n.toLocaleString("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** One amount per currency, one per line: amounts of different currencies are never added. */
export function CurrencyTotals({ totals }: { totals: readonly BulkCurrencyTotal[] }) {
  if (!totals.length) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="grid gap-0.5 whitespace-nowrap tabular-nums">
      {totals.map((t) => (
        <li key={t.currency}>{formatMoney(t.totalAmount, t.currency)}</li>
      ))}
    </ul>
  );
}

/** The stat cards and the figures per currency (GET /api/bulk-payments/stats). */
function BulkStats() {
  const scopeKey = useScopeKey();
  const query = useQuery({
    queryKey: bulkPaymentsQueryKeys.stats(scopeKey),
    queryFn: ({ signal }) => fetchJson<BulkPaymentStatsDto>(BULK_STATS_URL, signal),
    retry: retryUnlessClientError,
  });
  const s = query.data;
  if (query.error && !s) {
    return (
      <Alert variant="destructive" role="alert" className="mb-6">
        <AlertTitle>The figures could not be shown</AlertTitle>
        <AlertDescription>{query.error.message}</AlertDescription>
      </Alert>
    );
  }
  const value = (v: (x: BulkPaymentStatsDto) => React.ReactNode) => (s ? v(s) : <Skeleton className="h-7 w-20" />);
  const currencies = s ? Object.entries(s.currencyBreakdown) : [];
  return (
    <section aria-labelledby="bulk-stats-heading" className="mb-6 space-y-4">
      <h2 id="bulk-stats-heading" className="sr-only">
        Figures
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <StatCard role="group" aria-label="Total batches" title="Total batches" value={value((x) => count(x.totalBatches))} hint="One per currency of each file" icon={<Layers />} accent="violet" />
        <StatCard
          role="group"
          aria-label="Successful payments"
          title="Successful payments"
          value={value((x) => count(x.totalSuccessfulPayments))}
          icon={<BadgeCheck />}
          accent="green"
        />
        <StatCard role="group" aria-label="Failed payments" title="Failed payments" value={value((x) => count(x.totalFailedPayments))} hint="Not retried" icon={<XCircle />} accent="red" />
        <StatCard
          role="group"
          aria-label="Success rate"
          title="Success rate"
          value={value((x) => percent.format(x.successRate))}
          hint="Of the payments that ended"
          icon={<Percent />}
          accent="blue"
        />
        <StatCard
          role="group"
          aria-label="Average batch size"
          title="Average batch size"
          value={value((x) => x.averageBatchSize.toLocaleString("en-US"))}
          hint="Recipients per batch"
          icon={<Users />}
          accent="orange"
        />
      </div>
      <Card role="region" aria-labelledby="bulk-currency-heading">
        <CardHeader className="grid gap-1.5">
          <h3 id="bulk-currency-heading" className="text-base leading-none font-semibold">
            Totals per currency
          </h3>
          <CardDescription>What the files asked to pay, per currency (never added across currencies).</CardDescription>
        </CardHeader>
        <CardContent>
          {!s ? (
            <Skeleton className="h-10 w-full" />
          ) : currencies.length === 0 ? (
            <p className="text-sm text-muted-foreground">No bulk payments yet.</p>
          ) : (
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {currencies.map(([currency, c]) => (
                <div key={currency} className="grid gap-1 rounded-lg border p-3" data-testid="bulk-currency-total" data-currency={currency}>
                  <dt className="text-xs font-medium text-muted-foreground">{currency}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{formatMoney(c.totalAmount, currency)}</dd>
                  <dd className="text-xs text-muted-foreground">
                    {count(c.totalBatches)} batch{c.totalBatches === 1 ? "" : "es"} · {count(c.totalPayments)} payment{c.totalPayments === 1 ? "" : "s"}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </CardContent>
      </Card>
    </section>
  );
}

/**
 * Bulk Payments: the figures, then the confirmed uploads of the environment (every currency) on
 * the list system (search, status filter, sort, paging and hidden columns in the URL; the server
 * page prefetched the first page and the figures). A name opens the upload in the same context.
 */
export function BulkPaymentsView() {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const canManage = useCan("bulk_payments.manage");

  const urlState = useListState(bulkUploadsSearchParams);
  const uploads = useQuery({
    queryKey: bulkPaymentsQueryKeys.list(scopeKey, urlState),
    queryFn: ({ signal }) => fetchJson<BulkUploadsListResponse>(bulkUploadsUrl(urlState), signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = uploads.data;
  const context = useMemo(() => ({ environment: scope.environment, market: scope.market }), [scope.environment, scope.market]);

  const columns = useMemo<ColumnDef<BulkUploadRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        enableHiding: false,
        meta: { label: "Name", className: "font-medium", card: "title" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Name" />,
        cell: ({ row: { original: r } }) => (
          <Link href={bulkUploadHref(r.id, context)} className="block max-w-72 truncate underline-offset-2 hover:underline" title={r.name}>
            {r.name}
          </Link>
        ),
      },
      {
        id: "fileName",
        accessorKey: "fileName",
        enableSorting: false,
        meta: { label: "File", className: "max-w-56 truncate font-mono text-xs" },
        header: "File",
        cell: ({ row: { original: r } }) => <span title={r.fileName}>{r.fileName}</span>,
      },
      {
        id: "totalRecipients",
        accessorKey: "totalRecipients",
        meta: { label: "Recipients", align: "right", className: "tabular-nums", card: "field" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Recipients" />,
        cell: ({ row: { original: r } }) => count(r.totalRecipients),
      },
      {
        id: "totals",
        enableSorting: false,
        meta: { label: "Total", align: "right", card: "amount" },
        header: "Total",
        cell: ({ row: { original: r } }) => <CurrencyTotals totals={r.totals} />,
      },
      {
        id: "batches",
        enableSorting: false,
        meta: { label: "Batches", className: "whitespace-nowrap text-sm", card: "field" },
        header: "Batches",
        cell: ({ row: { original: r } }) => (
          <span>
            {count(r.batchesCompleted)} completed
            {r.batchesFailed > 0 && <span className="text-destructive dark:text-red-300"> · {count(r.batchesFailed)} failed</span>}
            <span className="text-muted-foreground"> of {count(r.batchCount)}</span>
          </span>
        ),
      },
      {
        id: "status",
        accessorKey: "status",
        enableSorting: false,
        enableHiding: false,
        meta: { label: "Status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS }, card: "status" },
        header: "Status",
        cell: ({ row: { original: r } }) => <UploadStatusPill status={r.status} />,
      },
      {
        id: "createdBy",
        enableSorting: false,
        meta: { label: "Created by" },
        header: "Created by",
        cell: ({ row: { original: r } }) =>
          r.createdBy ? (
            <span className="block max-w-48 truncate" title={r.createdBy.email}>
              {r.createdBy.name}
            </span>
          ) : (
            <span className="text-muted-foreground">—</span>
          ),
      },
      {
        id: "createdAt",
        accessorKey: "createdAt",
        meta: { label: "Created", className: "whitespace-nowrap", card: "time" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
        cell: ({ row: { original: r } }) => <Timestamp value={r.createdAt} compact />,
      },
    ],
    [context],
  );

  const list = useDataTable({
    parsers: bulkUploadsSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: BULK_UPLOAD_FILTER_KEYS,
    defaultSort: BULK_UPLOAD_DEFAULT_SORT,
    resolvedPage: data && !uploads.isPlaceholderData ? data.page : undefined,
  });

  const newButton = canManage && (
    <Button asChild>
      <Link href={newBulkPaymentHref(context)}>
        <Plus aria-hidden /> New bulk payment
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader title="Bulk Payments" description="Upload a CSV and pay many recipients at once" actions={newButton} />

      <BulkStats />

      <Card>
        <CardContent className="space-y-4">
          <DataTableToolbar
            list={list}
            search={{ placeholder: "Search by name or file name…", label: "Search bulk payments" }}
            actions={
              data && (
                <p className="text-sm text-muted-foreground" aria-live="polite">
                  {count(data.total)} bulk payment{data.total === 1 ? "" : "s"}
                </p>
              )
            }
          />
          <DataTable
            table={list.table}
            aria-label="Bulk payments"
            isLoading={uploads.isPending}
            isFetching={uploads.isFetching}
            rowProps={(row) => ({ "data-testid": "bulk-upload-row", "data-upload-id": row.original.id })}
            error={
              uploads.error ? <DataTableError error={uploads.error} what="bulk payments" onReset={list.resetView} /> : null
            }
            empty={
              list.isFiltered ? (
                <EmptyState icon={<Layers />} title="No bulk payments found" description="No bulk payments match your search or filters." />
              ) : (
                <EmptyState
                  icon={<Layers />}
                  title="No bulk payments yet"
                  description={
                    canManage
                      ? "Upload a CSV of recipients (one row each, any of your currencies) and pay them all at once."
                      : "Bulk payments your team confirms appear here."
                  }
                  action={
                    canManage && (
                      <Button asChild variant="outline">
                        <Link href={newBulkPaymentHref(context)}>Upload your first file</Link>
                      </Button>
                    )
                  }
                />
              )
            }
          />
          <DataTableOffsetPagination
            list={list}
            rowsDisplayed={uploads.error ? 0 : (data?.rows.length ?? 0)}
            total={data?.total}
            pageSizes={BULK_UPLOAD_PAGE_SIZES}
            disabled={uploads.isFetching}
          />
        </CardContent>
      </Card>
    </>
  );
}
