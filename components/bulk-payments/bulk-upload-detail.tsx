"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useQueryStates } from "nuqs";
import { ArrowLeft, Ban, Check, CheckCircle2, Circle, Download, Play, RotateCcw, ThumbsDown, ThumbsUp, Users, XCircle } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { StatusPill } from "@/components/ui/status-pill";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toaster";
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
import { useOpenedOnce } from "@/components/ui/on-demand";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { formatMoney } from "@/lib/money";
import {
  cancelBulkBatchAction,
  decideBulkBatchAction,
  processBulkBatchAction,
  retryFailedItemsAction,
} from "@/lib/bulk-payments/actions";
import { isFinalBatch, isLiveBatch, type BulkBatchDto, type BulkUploadDto } from "@/lib/bulk-payments/dto";
import {
  BULK_ITEM_DEFAULT_SORT,
  BULK_ITEM_FILTER_KEYS,
  BULK_ITEM_PAGE_SIZES,
  BULK_ITEM_STATUS_LABEL,
  batchItemsQueryKey,
  batchItemsSearchParams,
  batchItemsUrl,
  selectedBatchId,
  type BulkItemRow,
  type BulkItemsResponse,
} from "@/lib/bulk-payments/items-contract";
import { BULK_ITEM_STATUSES, BULK_STEPS, type BulkProgressStep, type BulkStep } from "@/lib/bulk-payments/constants";
import { batchExportUrl, bulkPaymentsHref, bulkPaymentsQueryKeys, bulkUploadUrl } from "@/lib/bulk-payments/uploads-contract";
import { BatchStatusPill, ItemStatusPill, UploadStatusPill } from "./bulk-status";
import { CurrencyTotals } from "./bulk-payments-view";
import type { BatchResult, Result } from "./reject-batch-dialog";
import { runAction } from "@/lib/client/run-action";
import { Figure } from "./figure";

// A batch's dialogs (Radix Dialog; the reason's form) load on first use, not with the page
// (issue 14 item 17); pointing at or focusing the button that opens one starts the download.
const loadConfirmActionDialog = () => import("@/components/engine/transaction-action-dialogs");
const ConfirmActionDialog = dynamic(() => import("@/components/engine/transaction-action-dialogs").then((m) => m.ConfirmActionDialog), {
  ssr: false,
});
const loadRejectBatchDialog = () => import("./reject-batch-dialog");
const RejectBatchDialog = dynamic(() => import("./reject-batch-dialog"), { ssr: false });
const warm = (load: () => Promise<unknown>) => ({ onPointerEnter: () => void load(), onFocus: () => void load() });

/** While a batch runs or waits for approval, its page asks again this often. */
export const LIVE_REFETCH_MS = 2_000;

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

/** Refetches every bulk-payments query (the list, the figures, this upload, its items). */
function useRefreshBulk(): () => void {
  const queryClient = useQueryClient();
  const scopeKey = useScopeKey();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: bulkPaymentsQueryKeys.all(scopeKey) }), [queryClient, scopeKey]);
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

/** A download started by a button (the route answers a CSV attachment: the page stays). */
function startDownload(url: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function BatchCard({
  batch,
  label,
  retried,
  onRetried,
}: {
  batch: BulkBatchDto;
  label: string;
  /** A "Retry failed items" batch was already made from this one. */
  retried: boolean;
  onRetried(batchId: string): void;
}) {
  const scope = useScope();
  const canManage = useCan("bulk_payments.manage");
  const canApprove = useCan("payouts.approve");
  const refresh = useRefreshBulk();
  const [busy, setBusy] = useState<null | "process" | "approve" | "retry">(null);
  const [cancelling, setCancelling] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const cancelMounted = useOpenedOnce(cancelling);
  const rejectMounted = useOpenedOnce(rejecting);

  const c = batch.counts;
  const ended = c.success + c.failed + c.cancelled;
  const pct = batch.totalPayments ? Math.min(100, Math.round((ended / batch.totalPayments) * 100)) : 0;
  const money = (v: string) => formatMoney(v, batch.currency);
  const ownBatch = !!batch.processedBy && batch.processedBy === scope.email;

  const done = (res: BatchResult) => {
    toast.success(res.message, { description: label });
    refresh();
  };
  const run = async (kind: "process" | "approve" | "retry", call: () => Promise<Result>) => {
    setBusy(kind);
    const res = await runAction(call);
    setBusy(null);
    if (res.ok) {
      done(res.data);
      if (kind === "retry") onRetried(res.data.batchId);
    } else toast.error(res.error, { description: label });
  };

  const canCancel = canManage && (batch.status === "pending" || batch.status === "awaiting_approval" || batch.status === "processing");
  const canRetry = canManage && isFinalBatch(batch.status) && c.failed > 0 && !retried;

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
        <div className="flex flex-wrap items-center gap-2">
          {canManage && batch.status === "pending" && (
            <Button size="sm" onClick={() => void run("process", () => processBulkBatchAction({ batchId: batch.id }))} disabled={busy !== null} aria-busy={busy === "process"}>
              {busy === "process" ? <Spinner label="" /> : <Play aria-hidden />} Process
            </Button>
          )}
          {canApprove && batch.status === "awaiting_approval" && (
            <>
              <Button
                size="sm"
                onClick={() => void run("approve", () => decideBulkBatchAction({ batchId: batch.id, decision: "approve" }))}
                disabled={busy !== null || ownBatch}
                aria-busy={busy === "approve"}
                title={ownBatch ? "You started this batch: another member approves it" : undefined}
              >
                {busy === "approve" ? <Spinner label="" /> : <ThumbsUp aria-hidden />} Approve
              </Button>
              <Button
                size="sm"
                variant="outline"
                {...warm(loadRejectBatchDialog)}
                onClick={() => setRejecting(true)}
                disabled={busy !== null || ownBatch}
                title={ownBatch ? "You started this batch: another member decides on it" : undefined}
              >
                <ThumbsDown aria-hidden /> Reject
              </Button>
            </>
          )}
          {canRetry && (
            <Button size="sm" variant="outline" onClick={() => void run("retry", () => retryFailedItemsAction({ batchId: batch.id }))} disabled={busy !== null} aria-busy={busy === "retry"}>
              {busy === "retry" ? <Spinner label="" /> : <RotateCcw aria-hidden />} Retry failed items
            </Button>
          )}
          <Button size="sm" variant="outline" onClick={() => startDownload(batchExportUrl(batch.id))}>
            <Download aria-hidden /> Export results
          </Button>
          {canCancel && (
            <Button size="sm" variant="ghost" className="text-destructive dark:text-red-300" {...warm(loadConfirmActionDialog)} onClick={() => setCancelling(true)} disabled={busy !== null}>
              <Ban aria-hidden /> Cancel batch
            </Button>
          )}
        </div>
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

      {cancelMounted && (
        <ConfirmActionDialog
          open={cancelling}
          onOpenChange={setCancelling}
          title={`Cancel ${label}?`}
          description={
            batch.status === "processing"
              ? "Payments already sent still complete; the ones not sent yet are not sent."
              : `None of its ${count(batch.totalPayments)} payments is sent.`
          }
          confirmLabel="Cancel batch"
          onConfirm={async () => {
            const res: Result = await runAction(() => cancelBulkBatchAction({ batchId: batch.id }));
            if (!res.ok) return res.error;
            done(res.data);
            return null;
          }}
        />
      )}
      {canApprove && rejectMounted && <RejectBatchDialog batch={batch} label={label} open={rejecting} onOpenChange={setRejecting} onDone={done} />}
    </Card>
  );
}

function itemColumns(): ColumnDef<BulkItemRow>[] {
  return [
    {
      id: "rowNo",
      accessorKey: "rowNo",
      enableHiding: false,
      meta: { label: "Row", className: "tabular-nums w-16" },
      header: ({ column }) => <DataTableColumnHeader column={column} title="Row" />,
    },
    {
      id: "recipient",
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Recipient", card: "title" },
      header: "Recipient",
      cell: ({ row: { original: r } }) => (
        <div className="min-w-0 max-w-64">
          <p className="truncate font-medium" title={r.recipientName}>
            {r.recipientName}
          </p>
          <p className="truncate text-xs text-muted-foreground tabular-nums">
            {r.recipientPhone}
            {r.network && ` · ${r.network}`}
          </p>
          <p className="truncate text-xs text-muted-foreground" title={r.recipientEmail}>
            {r.recipientEmail}
          </p>
        </div>
      ),
    },
    {
      id: "amount",
      accessorKey: "amount",
      meta: { label: "Amount", align: "right", className: "whitespace-nowrap", card: "amount" },
      header: ({ column }) => <DataTableColumnHeader column={column} title="Amount" />,
      cell: ({ row: { original: r } }) => formatMoney(r.amount, r.currency),
    },
    {
      id: "fee",
      accessorKey: "fee",
      enableSorting: false,
      meta: { label: "Fee", align: "right", className: "whitespace-nowrap" },
      header: "Fee",
      cell: ({ row: { original: r } }) => (r.fee === null ? <span className="text-muted-foreground">—</span> : formatMoney(r.fee, r.currency)),
    },
    {
      id: "reference",
      accessorKey: "reference",
      enableSorting: false,
      meta: { label: "Reference", className: "font-mono text-xs", truncate: true, card: "field" },
      header: "Reference",
    },
    {
      id: "status",
      accessorKey: "status",
      enableHiding: false,
      meta: {
        label: "Status",
        card: "status",
        filter: { key: "status", title: "Status", options: BULK_ITEM_STATUSES.map((s) => ({ value: s, label: BULK_ITEM_STATUS_LABEL[s] })) },
      },
      header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
      cell: ({ row: { original: r } }) => (
        <div className="grid gap-1">
          <ItemStatusPill status={r.status} />
          {r.retryCount > 0 && <span className="text-xs text-muted-foreground">Retried {count(r.retryCount)}×</span>}
        </div>
      ),
    },
    {
      id: "errorMessage",
      accessorKey: "errorMessage",
      enableSorting: false,
      meta: { label: "Error", className: "max-w-72 whitespace-normal text-xs", card: "field" },
      header: "Error",
      cell: ({ row: { original: r } }) => r.errorMessage ?? <span className="text-muted-foreground">—</span>,
    },
    {
      id: "payout",
      enableSorting: false,
      meta: { label: "Payout", card: "field" },
      header: "Payout",
      cell: ({ row: { original: r } }) =>
        r.payout ? (
          <div className="grid gap-1">
            <span className="font-mono text-xs">{r.payout.referenceId}</span>
            <StatusPill status={r.payout.status} />
          </div>
        ) : (
          <span className="text-muted-foreground">Not sent</span>
        ),
    },
  ];
}

/** One batch's items on the list system (search, status filter, sort, paging in the URL); live while the batch runs. */
function BatchItems({ batch, label }: { batch: BulkBatchDto; label: string }) {
  const scopeKey = useScopeKey();
  const urlState = useListState(batchItemsSearchParams);
  const live = isLiveBatch(batch.status);
  const query = useQuery({
    queryKey: batchItemsQueryKey(scopeKey, batch.id, urlState),
    queryFn: ({ signal }) => fetchJson<BulkItemsResponse>(batchItemsUrl(batch.id, urlState), signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
    refetchInterval: live ? LIVE_REFETCH_MS : false,
  });
  const data = query.data;
  // The batch moved (started, finished, was cancelled): its items moved too — ask once more, also
  // after polling stops on a final status.
  const queryClient = useQueryClient();
  const seenStatus = useRef(batch.status);
  useEffect(() => {
    if (seenStatus.current === batch.status) return;
    seenStatus.current = batch.status;
    void queryClient.invalidateQueries({ queryKey: bulkPaymentsQueryKeys.items(scopeKey, batch.id) });
  }, [batch.status, batch.id, queryClient, scopeKey]);
  const columns = useMemo(() => itemColumns(), []);
  const list = useDataTable({
    parsers: batchItemsSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: BULK_ITEM_FILTER_KEYS,
    defaultSort: BULK_ITEM_DEFAULT_SORT,
    resolvedPage: data && !query.isPlaceholderData ? data.page : undefined,
  });
  return (
    <div className="space-y-3">
      <DataTableToolbar
        list={list}
        search={{ placeholder: "Search by name, phone or reference…", label: "Search recipients" }}
        actions={
          data && (
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {count(data.total)} recipient{data.total === 1 ? "" : "s"}
            </p>
          )
        }
      />
      <DataTable
        table={list.table}
        aria-label={`Recipients of ${label}`}
        isLoading={query.isPending}
        isFetching={query.isFetching && !live}
        skeletonRows={5}
        rowProps={(row) => ({ "data-testid": "bulk-item-row", "data-reference": row.original.reference, "data-status": row.original.status })}
        error={
          query.error ? <DataTableError error={query.error} what="recipients" onReset={list.resetView} /> : null
        }
        empty={
          <EmptyState
            icon={<Users />}
            title="No recipients found"
            description={list.isFiltered ? "No recipients match your search or filters." : "This batch has no recipients."}
          />
        }
      />
      <DataTableOffsetPagination
        list={list}
        rowsDisplayed={query.error ? 0 : (data?.rows.length ?? 0)}
        total={data?.total}
        pageSizes={BULK_ITEM_PAGE_SIZES}
        disabled={query.isFetching && !live}
      />
    </div>
  );
}

/**
 * A bulk payment's page: its name, file and status, the totals per currency, one card per batch
 * (status, totals, counts per item status, the five progress steps, and Process / Approve / Reject /
 * Cancel batch / Retry failed items / Export results as the status and the member's permissions
 * allow), then the items of one batch at a time (a tab per batch). While any batch runs or waits
 * for approval, the page refetches every 2 s; it stops once every batch is final.
 */
export function BulkUploadDetail({ uploadId }: { uploadId: string }) {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const query = useQuery({
    queryKey: bulkPaymentsQueryKeys.upload(scopeKey, uploadId),
    queryFn: ({ signal }) => fetchJson<BulkUploadDto>(bulkUploadUrl(uploadId), signal),
    retry: retryUnlessClientError,
    refetchInterval: (q) => (q.state.data?.batches?.some((b) => isLiveBatch(b.status)) ? LIVE_REFETCH_MS : false),
  });
  const upload = query.data;
  const batches = useMemo(() => upload?.batches ?? [], [upload]);
  const labels = useMemo(() => batchLabels(batches), [batches]);
  const retriedIds = useMemo(() => new Set(batches.map((b) => b.retryOf).filter((x): x is string => !!x)), [batches]);

  const [urlState, setUrlState] = useQueryStates(batchItemsSearchParams, { clearOnDefault: true });
  const current = selectedBatchId(batches, urlState.batch);
  const selectBatch = useCallback(
    (id: string) => void setUrlState({ batch: id, q: null, status: null, sort: null, page: null }),
    [setUrlState],
  );
  const currentBatch = batches.find((b) => b.id === current);

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href={bulkPaymentsHref(scope)}>
          <ArrowLeft aria-hidden /> Back to Bulk Payments
        </Link>
      </Button>
      {query.error && !upload ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>This bulk payment could not be shown</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      ) : !upload ? (
        <div className="grid gap-4" aria-busy>
          <Skeleton className="h-10 w-72" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <>
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
              batches.map((b) => (
                <BatchCard key={b.id} batch={b} label={labels.get(b.id)!} retried={retriedIds.has(b.id)} onRetried={selectBatch} />
              ))
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
                {batches.length > 1 ? (
                  <Tabs value={currentBatch.id} onValueChange={selectBatch}>
                    <TabsList aria-label="Batch" className="h-auto flex-wrap">
                      {batches.map((b) => (
                        <TabsTrigger key={b.id} value={b.id}>
                          {labels.get(b.id)}
                        </TabsTrigger>
                      ))}
                    </TabsList>
                    <TabsContent value={currentBatch.id}>
                      <BatchItems key={currentBatch.id} batch={currentBatch} label={labels.get(currentBatch.id)!} />
                    </TabsContent>
                  </Tabs>
                ) : (
                  <BatchItems key={currentBatch.id} batch={currentBatch} label={labels.get(currentBatch.id)!} />
                )}
              </CardContent>
            </Card>
          )}
        </>
      )}
    </>
  );
}
