import "server-only";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { SearchParams } from "nuqs/server";
import { ArrowLeft, Ban, Check, CheckCircle2, Circle, Users, XCircle } from "lucide-react";
import type { MemberScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { formatMoney } from "@/lib/money";
import { getBulkUpload } from "@/lib/bulk-payments/get-bulk-upload";
import { listBatchItems } from "@/lib/bulk-payments/list-batch-items";
import { isFinalBatch, isLiveBatch, type BulkBatchDto } from "@/lib/bulk-payments/dto";
import { BULK_ITEM_DEFAULT_SORT, batchItemsListQuery, selectedBatchId, type BulkItemRow } from "@/lib/bulk-payments/items-contract";
import { batchItemsSchema, loadBatchItemsSearchParams } from "@/lib/bulk-payments/items-contract-schema";
import { BULK_STEPS, type BulkProgressStep, type BulkStep } from "@/lib/bulk-payments/constants";
import { bulkPaymentsHref } from "@/lib/bulk-payments/uploads-contract";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { PageHeader } from "@/components/shell/page-header";
import { Timestamp } from "@/components/shell/timezone";
import { ListProvider } from "@/components/data-table/list-context";
import { LiveRefresh } from "@/components/data-table/list-refresh";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { ListError } from "@/components/data-table/list-error";
import { BatchStatusPill, UploadStatusPill } from "./bulk-status";
import { CurrencyTotals } from "./bulk-upload-columns";
import { bulkItemColumns } from "./bulk-item-columns";
import { BatchItemsPagination, BatchItemsToolbar, BatchTabs } from "./bulk-items-list-controls";
import { BatchActions } from "./batch-actions";
import { Figure } from "./figure";

/** While a batch runs or waits for approval, the page asks the server again this often. */
const LIVE_REFRESH_MS = 2_000;

const count = (n: number) => n.toLocaleString("en-US");

const STEP_LABEL: Record<BulkStep, string> = {
  validation: "Validation",
  creation: "Creation",
  customer_creation: "Customer creation",
  payment_processing: "Payment processing",
  completion: "Completion",
};
const STEP_STATUS_LABEL: Record<BulkProgressStep["status"], string> = {
  pending: "Not started",
  running: "Running",
  completed: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** "Batch KES"; a "Retry failed items" batch is "KES retry batch" (2, 3… when there are more). */
function batchLabels(batches: readonly BulkBatchDto[]): Map<string, string> {
  const out = new Map<string, string>();
  const retries = new Map<string, number>();
  for (const b of batches) {
    if (!b.retryOf) out.set(b.id, `Batch ${b.currency}`);
    else {
      const n = (retries.get(b.currency) ?? 0) + 1;
      retries.set(b.currency, n);
      out.set(b.id, `${b.currency} retry batch${n > 1 ? ` ${n}` : ""}`);
    }
  }
  return out;
}

/** The five steps, each with its status and message; the running one is the current step. */
function ProgressStepper({ steps, label }: { steps: BulkProgressStep[]; label: string }) {
  const byStep = new Map(steps.map((s) => [s.step, s]));
  return (
    <ol aria-label={`Progress of ${label}`} className="grid gap-2 sm:grid-cols-5">
      {BULK_STEPS.map((step) => {
        const s = byStep.get(step) ?? { step, status: "pending" as const };
        const icon =
          s.status === "completed" ? (
            <Check className="size-3.5" aria-hidden />
          ) : s.status === "running" ? (
            <Spinner label="" className="size-3.5" />
          ) : s.status === "failed" ? (
            <XCircle className="size-3.5" aria-hidden />
          ) : s.status === "cancelled" ? (
            <Ban className="size-3.5" aria-hidden />
          ) : (
            <Circle className="size-3.5" aria-hidden />
          );
        return (
          <li
            key={step}
            aria-current={s.status === "running" ? "step" : undefined}
            data-step={step}
            data-status={s.status}
            className={
              "grid content-start gap-1 rounded-md border p-2 text-xs " +
              (s.status === "completed"
                ? "border-success/40 bg-success/5"
                : s.status === "running"
                  ? "border-primary/50 bg-primary/5"
                  : s.status === "failed"
                    ? "border-destructive/40 bg-destructive/5"
                    : "")
            }
          >
            <span className="flex items-center gap-1.5 font-medium">
              {icon}
              {STEP_LABEL[step]}
            </span>
            <span className="text-muted-foreground">{STEP_STATUS_LABEL[s.status]}</span>
            {s.message && <span className="break-words">{s.message}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function BatchCard({ batch, label, retried, scope }: { batch: BulkBatchDto; label: string; retried: boolean; scope: MemberScope }) {
  const canManage = scope.permissions.has("bulk_payments.manage");
  const canApprove = scope.permissions.has("payouts.approve");
  const c = batch.counts;
  const ended = c.success + c.failed + c.cancelled;
  const pct = batch.totalPayments ? Math.min(100, Math.round((ended / batch.totalPayments) * 100)) : 0;
  const money = (v: string) => formatMoney(v, batch.currency);
  const ownBatch = !!batch.processedBy && batch.processedBy === scope.principal.email;
  const can = {
    process: canManage && batch.status === "pending",
    decide: canApprove && batch.status === "awaiting_approval",
    retry: canManage && isFinalBatch(batch.status) && c.failed > 0 && !retried,
    cancel: canManage && (batch.status === "pending" || batch.status === "awaiting_approval" || batch.status === "processing"),
  };

  return (
    <Card role="region" aria-label={label} data-testid="bulk-batch" data-batch-id={batch.id} data-status={batch.status}>
      <CardHeader className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <h3 className="flex flex-wrap items-center gap-2 text-base leading-none font-semibold">
            {label} <BatchStatusPill status={batch.status} />
          </h3>
          <CardDescription>
            {batch.walletName ? `Paid from ${batch.walletName}` : "Paid from its wallet"} · {count(batch.totalPayments)} payment
            {batch.totalPayments === 1 ? "" : "s"}
          </CardDescription>
        </div>
        <BatchActions
          batch={{ id: batch.id, status: batch.status, currency: batch.currency, totalAmount: batch.totalAmount, totalPayments: batch.totalPayments }}
          label={label}
          can={can}
          ownBatch={ownBatch}
        />
      </CardHeader>
      <CardContent className="grid gap-4">
        {batch.status === "awaiting_approval" && (
          <Alert variant="warning">
            <AlertTitle>Waiting for approval</AlertTitle>
            <AlertDescription>
              {canApprove
                ? ownBatch
                  ? "You started this batch: another member with the right to approve payouts decides on it."
                  : "At or above the approval threshold: approve it to send the payments, or reject it."
                : "At or above the approval threshold: a member who approves payouts decides on it."}
            </AlertDescription>
          </Alert>
        )}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Figure term="Total amount">{money(batch.totalAmount)}</Figure>
          <Figure term="Total fees">{money(batch.totalFees)}</Figure>
          <Figure term="Total debit">{money(batch.totalDebit)}</Figure>
          <Figure term="Payments">{count(batch.totalPayments)}</Figure>
        </dl>
        <div className="grid gap-1.5">
          <div
            role="progressbar"
            aria-label={`${label} payments ended`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-valuetext={`${count(ended)} of ${count(batch.totalPayments)} payments ended`}
            className="h-2 overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full bg-primary transition-[width]" style={{ width: `${pct}%` }} />
          </div>
          <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={`${label} payments by status`}>
            {(
              [
                ["Successful", c.success, "text-success"],
                ["Failed", c.failed, "text-destructive dark:text-red-300"],
                ["Processing", c.processing, ""],
                ["Retrying", c.retry, ""],
                ["Pending", c.pending, "text-muted-foreground"],
                ["Cancelled", c.cancelled, "text-muted-foreground"],
              ] as const
            ).map(([term, n, cls]) => (
              <div key={term} className="flex gap-1">
                <dt className="text-muted-foreground">{term}</dt>
                <dd className={`font-medium tabular-nums ${cls}`}>{count(n)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <ProgressStepper steps={batch.progress} label={label} />
        <dl className="grid grid-cols-2 gap-3 text-xs sm:grid-cols-4">
          <Figure term="Started">{batch.startedAt ? <Timestamp value={batch.startedAt} /> : "—"}</Figure>
          <Figure term="Completed">{batch.completedAt ? <Timestamp value={batch.completedAt} /> : "—"}</Figure>
          <Figure term="Processed by">{batch.processedBy ?? "—"}</Figure>
          <Figure term="Approved by">{batch.approvedBy ?? "—"}</Figure>
        </dl>
      </CardContent>
    </Card>
  );
}

/**
 * A bulk payment's page, rendered on the server: its name, file and status, the totals per
 * currency, one card per batch (status, totals, counts per item status, the five progress steps,
 * and its buttons as the status and the member's permissions allow: batch-actions.tsx), then the
 * recipients of one batch at a time (a tab per batch, `batch` in the URL), read exactly as GET
 * /api/bulk-payments/{uploadId} and /api/bulk-payments/batches/{batchId}/items do. While any batch
 * runs or waits for approval, the page comes again from the server every 2 s; it stops once every
 * batch is final.
 */
export async function BulkUploadDetail({
  scope,
  uploadId,
  searchParams,
}: {
  scope: MemberScope;
  uploadId: string;
  searchParams: Promise<SearchParams>;
}) {
  const [db, state] = await Promise.all([getDb(), loadBatchItemsSearchParams(searchParams)]);
  const upload = await getBulkUpload(db, scope, uploadId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const batches = upload.batches ?? [];
  const labels = batchLabels(batches);
  const retriedIds = new Set(batches.map((b) => b.retryOf).filter((x): x is string => !!x));
  const currentBatch = batches.find((b) => b.id === selectedBatchId(batches, state.batch));
  const items = currentBatch
    ? await readForPage(batchItemsSchema, batchItemsListQuery(state), (input) => listBatchItems(db, scope, currentBatch.id, input))
    : null;
  const page = items?.data;
  const rows = (page?.rows ?? []) as BulkItemRow[];
  const columns = bulkItemColumns();
  const controls = columnControls(columns);
  const isFiltered = !!state.q || state.status.length > 0;

  const recipients = currentBatch && (
    <div className="space-y-3">
      <BatchItemsToolbar filters={controls.filters} columns={controls.choices} total={page?.total} />
      <ServerDataTable
        columns={columns}
        rows={rows}
        getRowId={(r) => r.id}
        sort={state.sort}
        defaultSort={BULK_ITEM_DEFAULT_SORT}
        hide={state.hide}
        show={state.show}
        aria-label={`Recipients of ${labels.get(currentBatch.id)}`}
        rowProps={(r) => ({ "data-testid": "bulk-item-row", "data-reference": r.reference, "data-status": r.status })}
        error={items?.error ? <ListError message={items.error} what="recipients" /> : null}
        empty={
          <EmptyState
            icon={<Users />}
            title="No recipients found"
            description={isFiltered ? "No recipients match your search or filters." : "This batch has no recipients."}
          />
        }
      />
      <BatchItemsPagination rowsDisplayed={rows.length} total={page?.total} resolvedPage={page?.page} />
    </div>
  );

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href={bulkPaymentsHref(scope)}>
          <ArrowLeft aria-hidden /> Back to Bulk Payments
        </Link>
      </Button>
      <PageHeader
        title={upload.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{upload.fileName}</span>
            <UploadStatusPill status={upload.status} />
            <span>
              {count(upload.totalRecipients)} recipient{upload.totalRecipients === 1 ? "" : "s"}
            </span>
            <span>
              · created <Timestamp value={upload.createdAt} />
              {upload.createdBy && ` by ${upload.createdBy.name}`}
            </span>
          </span>
        }
      />
      {upload.description && <p className="-mt-4 mb-6 max-w-3xl text-sm text-muted-foreground">{upload.description}</p>}

      <section aria-labelledby="bulk-batches-heading" className="mb-6 grid gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="bulk-batches-heading" className="text-lg font-semibold">
            Batches
          </h2>
          <div className="flex items-center gap-2 text-sm text-muted-foreground">
            <span>Total</span>
            <CurrencyTotals totals={upload.totals} />
          </div>
        </div>
        {batches.length === 0 ? (
          <EmptyState icon={<CheckCircle2 />} title="No batches" description="This bulk payment has no batches." />
        ) : (
          batches.map((b) => <BatchCard key={b.id} batch={b} label={labels.get(b.id)!} retried={retriedIds.has(b.id)} scope={scope} />)
        )}
      </section>

      {currentBatch && (
        <Card role="region" aria-labelledby="bulk-items-heading">
          <CardHeader className="grid gap-1.5">
            <h2 id="bulk-items-heading" className="text-base leading-none font-semibold">
              Recipients
            </h2>
            <CardDescription>
              Every recipient with its status and payout. Export results gives the file back with what happened to each row, ready to fix
              and upload again.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {batches.length > 1 ? <BatchTabs batches={batches.map((b) => ({ id: b.id, label: labels.get(b.id)! }))}>{recipients}</BatchTabs> : recipients}
          </CardContent>
        </Card>
      )}
      <LiveRefresh active={batches.some((b) => isLiveBatch(b.status))} intervalMs={LIVE_REFRESH_MS} />
    </ListProvider>
  );
}
