/**
 * Bulk payments as the dashboard shows them (JSON: money as strings of minor units, times as
 * ISO-8601 UTC): a batch (one currency of an upload) with its item counts and progress, and an
 * upload with its status, recipients and totals per currency. Pure: the read services build them
 * from rows, the pages and components read them.
 *
 * Totals are per currency, never added across currencies.
 */
import {
  BULK_STEPS,
  FINAL_BATCH_STATUSES,
  type BulkBatchStatus,
  type BulkItemStatus,
  type BulkProgressStep,
  type BulkStep,
} from "./constants";

/** Items of a batch per status (PENDING → pending, …). */
export interface BulkItemCounts {
  pending: number;
  processing: number;
  success: number;
  failed: number;
  retry: number;
  cancelled: number;
}

export interface BulkBatchDto {
  id: string;
  uploadId: string;
  name: string;
  currency: string;
  country: string;
  walletId: string;
  walletName: string | null;
  status: BulkBatchStatus;
  /** Minor units of `currency`. */
  totalAmount: string;
  totalFees: string;
  /** What the payout balance is debited (totalAmount, plus the fees when the wallet bears them). */
  totalDebit: string;
  totalPayments: number;
  counts: BulkItemCounts;
  /** The five steps, in order (validation → creation → customer_creation → payment_processing → completion). */
  progress: BulkProgressStep[];
  /** The batch "Retry failed items" made this one from; null for a batch of the file. */
  retryOf: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  /** E-mail of the member who approved it (above the approval threshold), else null. */
  approvedBy: string | null;
  /** E-mail of the member who started it ("Process"), else null. */
  processedBy: string | null;
}

/** An upload's status, read from its batches (uploadStatusOf). */
export type BulkUploadStatus = "pending" | "processing" | "completed" | "completed_with_errors" | "failed" | "cancelled";
export const BULK_UPLOAD_STATUSES = [
  "pending",
  "processing",
  "completed",
  "completed_with_errors",
  "failed",
  "cancelled",
] as const satisfies readonly BulkUploadStatus[];
export const BULK_UPLOAD_STATUS_LABEL: Record<BulkUploadStatus, string> = {
  pending: "Pending",
  processing: "Processing",
  completed: "Completed",
  completed_with_errors: "Completed with errors",
  failed: "Failed",
  cancelled: "Cancelled",
};

export interface BulkCurrencyTotal {
  currency: string;
  /** Minor units of `currency`. */
  totalAmount: string;
}

export interface BulkUploadDto {
  id: string;
  name: string;
  description: string | null;
  fileName: string;
  status: BulkUploadStatus;
  totalRecipients: number;
  /** Per currency (alphabetical), the amount of the file's batches (retries not counted again). */
  totals: BulkCurrencyTotal[];
  /** Batches that completed (with or without errors), and batches that failed. */
  batchesCompleted: number;
  batchesFailed: number;
  batchCount: number;
  createdBy: { name: string; email: string } | null;
  createdAt: string;
  /** The detail only (GET /api/bulk-payments/{uploadId}). */
  batches?: BulkBatchDto[];
}

export const EMPTY_COUNTS: Readonly<BulkItemCounts> = Object.freeze({
  pending: 0,
  processing: 0,
  success: 0,
  failed: 0,
  retry: 0,
  cancelled: 0,
});

const COUNT_KEY: Record<BulkItemStatus, keyof BulkItemCounts> = {
  PENDING: "pending",
  PROCESSING: "processing",
  SUCCESS: "success",
  FAILED: "failed",
  RETRY: "retry",
  CANCELLED: "cancelled",
};

/** Grouped counts (`status`, `n`) → the counts of one batch; unknown statuses are ignored. */
export function countsFrom(rows: readonly { status: string; n: number | string }[]): BulkItemCounts {
  const out: BulkItemCounts = { ...EMPTY_COUNTS };
  for (const r of rows) {
    const key = COUNT_KEY[r.status as BulkItemStatus];
    if (key) out[key] += Number(r.n);
  }
  return out;
}

/**
 * The upload's status from its batches' (the SQL twin is in list-bulk-uploads.ts; the tests keep
 * them equal): processing while any batch runs or waits for approval; pending while any batch has
 * not started; then, every batch final: completed when all completed, cancelled when all were
 * cancelled, completed with errors when some paid, else failed.
 */
export function uploadStatusOf(statuses: readonly string[]): BulkUploadStatus {
  if (!statuses.length) return "pending";
  if (statuses.some((s) => s === "processing" || s === "awaiting_approval")) return "processing";
  if (statuses.some((s) => !FINAL_BATCH_STATUSES.includes(s as BulkBatchStatus))) return "pending";
  if (statuses.every((s) => s === "completed")) return "completed";
  if (statuses.every((s) => s === "cancelled")) return "cancelled";
  if (statuses.some((s) => s === "completed" || s === "completed_with_errors")) return "completed_with_errors";
  return "failed";
}

export function isFinalBatch(status: string): boolean {
  return FINAL_BATCH_STATUSES.includes(status as BulkBatchStatus);
}

/** Still moving: the detail page refetches while any batch is in one of these. */
export function isLiveBatch(status: string): boolean {
  return status === "processing" || status === "awaiting_approval";
}

type StoredStep = { step: string; status: string; message?: string; startedAt?: string; completedAt?: string; at?: string };

/** The stored progress → all five steps in order (a step not reached yet is pending). */
export function progressSteps(stored: readonly StoredStep[] | null | undefined): BulkProgressStep[] {
  const byStep = new Map<string, StoredStep>();
  for (const s of stored ?? []) if (s && typeof s.step === "string") byStep.set(s.step, s);
  const STATUSES: readonly BulkProgressStep["status"][] = ["pending", "running", "completed", "failed", "cancelled"];
  return BULK_STEPS.map((step: BulkStep) => {
    const s = byStep.get(step);
    const status = s && STATUSES.includes(s.status as BulkProgressStep["status"]) ? (s.status as BulkProgressStep["status"]) : "pending";
    const out: BulkProgressStep = { step, status };
    if (s?.message) out.message = s.message;
    const startedAt = s?.startedAt ?? s?.at;
    if (startedAt) out.startedAt = startedAt;
    if (s?.completedAt) out.completedAt = s.completedAt;
    return out;
  });
}

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : typeof d === "string" ? new Date(d).toISOString() : d.toISOString();

/** What toBatchDto reads of a bulk_batches row (and its joins). */
export interface BatchRowLike {
  id: string;
  uploadId: string;
  name: string;
  currency: string;
  country: string;
  walletId: string;
  walletName?: string | null;
  status: string;
  totalAmount: bigint | string;
  totalFees: bigint | string;
  totalDebit: bigint | string;
  totalPayments: number;
  progress: readonly StoredStep[] | null;
  retryOf: string | null;
  createdAt: Date | string;
  startedAt: Date | string | null;
  completedAt: Date | string | null;
  approvedByEmail?: string | null;
  processedByEmail?: string | null;
}

export function toBatchDto(r: BatchRowLike, counts: BulkItemCounts = EMPTY_COUNTS): BulkBatchDto {
  return {
    id: r.id,
    uploadId: r.uploadId,
    name: r.name,
    currency: r.currency,
    country: r.country,
    walletId: r.walletId,
    walletName: r.walletName ?? null,
    status: r.status as BulkBatchStatus,
    totalAmount: String(r.totalAmount),
    totalFees: String(r.totalFees),
    totalDebit: String(r.totalDebit),
    totalPayments: Number(r.totalPayments),
    counts: { ...counts },
    progress: progressSteps(r.progress),
    retryOf: r.retryOf,
    createdAt: iso(r.createdAt)!,
    startedAt: iso(r.startedAt),
    completedAt: iso(r.completedAt),
    approvedBy: r.approvedByEmail ?? null,
    processedBy: r.processedByEmail ?? null,
  };
}

/** What toUploadDto reads of a bulk_uploads row (and its creator). */
export interface UploadRowLike {
  id: string;
  name: string;
  description: string | null;
  fileName: string;
  totalRecipients: number;
  createdAt: Date | string;
  createdByName?: string | null;
  createdByEmail?: string | null;
}

/** An upload's batches as the list sums them (per batch: status, currency, amount, whether it is a retry). */
export interface UploadBatchSummary {
  status: string;
  currency: string;
  totalAmount: bigint | string;
  retryOf: string | null;
}

/** Per currency (alphabetical) Σ amount of the batches of the file (a retry batch re-pays part of one: not counted again). */
export function currencyTotals(batches: readonly UploadBatchSummary[]): BulkCurrencyTotal[] {
  const sums = new Map<string, bigint>();
  for (const b of batches) {
    if (b.retryOf) continue;
    sums.set(b.currency, (sums.get(b.currency) ?? 0n) + BigInt(b.totalAmount));
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, total]) => ({ currency, totalAmount: total.toString() }));
}

export function toUploadDto(
  r: UploadRowLike,
  batches: readonly UploadBatchSummary[],
  detail?: BulkBatchDto[],
): BulkUploadDto {
  const dto: BulkUploadDto = {
    id: r.id,
    name: r.name,
    description: r.description,
    fileName: r.fileName,
    status: uploadStatusOf(batches.map((b) => b.status)),
    totalRecipients: Number(r.totalRecipients),
    totals: currencyTotals(batches),
    batchesCompleted: batches.filter((b) => b.status === "completed" || b.status === "completed_with_errors").length,
    batchesFailed: batches.filter((b) => b.status === "failed").length,
    batchCount: batches.length,
    createdBy: r.createdByEmail ? { name: r.createdByName ?? r.createdByEmail, email: r.createdByEmail } : null,
    createdAt: iso(r.createdAt)!,
  };
  if (detail) dto.batches = detail;
  return dto;
}
