import "server-only";
import Link from "next/link";
import { z } from "zod";
import type { SearchParams } from "nuqs/server";
import { BadgeCheck, Layers, Percent, Plus, Users, XCircle } from "lucide-react";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { formatMoney } from "@/lib/money";
import { getBulkStats } from "@/lib/bulk-payments/bulk-stats";
import { listBulkUploads } from "@/lib/bulk-payments/list-bulk-uploads";
import { bulkUploadsListSchema, loadBulkUploadsSearchParams } from "@/lib/bulk-payments/uploads-contract-schema";
import { BULK_UPLOAD_DEFAULT_SORT, bulkUploadsListQuery, newBulkPaymentHref, type BulkPaymentStatsDto, type BulkUploadRow } from "@/lib/bulk-payments/uploads-contract";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { ListProvider } from "@/components/data-table/list-context";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { ListError } from "@/components/data-table/list-error";
import { bulkUploadColumns } from "./bulk-upload-columns";
import { BulkUploadsPagination, BulkUploadsToolbar } from "./bulk-payments-list-controls";

const count = (n: number) => n.toLocaleString("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** The stat cards and the figures per currency (what GET /api/bulk-payments/stats answers). */
function BulkStats({ stats, error }: { stats?: BulkPaymentStatsDto; error?: string }) {
  if (!stats) {
    return (
      <Alert variant="destructive" role="alert" className="mb-6">
        <AlertTitle>The figures could not be shown</AlertTitle>
        <AlertDescription>{error}</AlertDescription>
      </Alert>
    );
  }
  const currencies = Object.entries(stats.currencyBreakdown);
  return (
    <section aria-labelledby="bulk-stats-heading" className="mb-6 space-y-4">
      <h2 id="bulk-stats-heading" className="sr-only">
        Figures
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <StatCard role="group" aria-label="Total batches" title="Total batches" value={count(stats.totalBatches)} hint="One per currency of each file" icon={<Layers />} accent="violet" />
        <StatCard role="group" aria-label="Successful payments" title="Successful payments" value={count(stats.totalSuccessfulPayments)} icon={<BadgeCheck />} accent="green" />
        <StatCard role="group" aria-label="Failed payments" title="Failed payments" value={count(stats.totalFailedPayments)} hint="Not retried" icon={<XCircle />} accent="red" />
        <StatCard
          role="group"
          aria-label="Success rate"
          title="Success rate"
          value={percent.format(stats.successRate)}
          hint="Of the payments that ended"
          icon={<Percent />}
          accent="blue"
        />
        <StatCard
          role="group"
          aria-label="Average batch size"
          title="Average batch size"
          value={stats.averageBatchSize.toLocaleString("en-US")}
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
          {currencies.length === 0 ? (
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
 * Bulk Payments, rendered on the server: the figures, then the confirmed uploads of the
 * environment (every currency). The URL is read with the uploads contract's parser map, the API
 * queries parsed and the routes' services called exactly as GET /api/bulk-payments and
 * /api/bulk-payments/stats do; the browser runs only the controls (bulk-payments-list-controls.tsx).
 * A name opens the upload in the same context.
 */
export async function BulkPaymentsView({ scope, searchParams }: { scope: Scope; searchParams: Promise<SearchParams> }) {
  const [state, db] = await Promise.all([loadBulkUploadsSearchParams(searchParams), getDb()]);
  const [list, stats] = await Promise.all([
    readForPage(bulkUploadsListSchema, bulkUploadsListQuery(state), (input) => listBulkUploads(db, scope, input)),
    readForPage(z.object({}), "", () => getBulkStats(db, scope)),
  ]);
  const context = { environment: scope.environment, market: scope.market };
  const canManage = scope.permissions.has("bulk_payments.manage");
  const columns = bulkUploadColumns(context);
  const controls = columnControls(columns);
  const page = list.data;
  const rows = (page?.rows ?? []) as BulkUploadRow[];
  const isFiltered = !!state.q || state.status.length > 0;

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <PageHeader
        title="Bulk Payments"
        description="Upload a CSV and pay many recipients at once"
        actions={
          canManage && (
            <Button asChild>
              <Link href={newBulkPaymentHref(context)}>
                <Plus aria-hidden /> New bulk payment
              </Link>
            </Button>
          )
        }
      />

      <BulkStats stats={stats.data} error={stats.error} />

      <Card>
        <CardContent className="space-y-4">
          <BulkUploadsToolbar filters={controls.filters} columns={controls.choices} total={page?.total} />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={(r) => r.id}
            sort={state.sort}
            defaultSort={BULK_UPLOAD_DEFAULT_SORT}
            hide={state.hide}
            show={state.show}
            aria-label="Bulk payments"
            rowProps={(r) => ({ "data-testid": "bulk-upload-row", "data-upload-id": r.id })}
            error={list.error ? <ListError message={list.error} what="bulk payments" /> : null}
            empty={
              isFiltered ? (
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
          <BulkUploadsPagination rowsDisplayed={rows.length} total={page?.total} resolvedPage={page?.page} />
        </CardContent>
      </Card>
    </ListProvider>
  );
}
