/**
 * Bulk Payments (§3.11): the CSV's columns and limits, the statuses and their labels, the progress
 * steps and the shapes the validation returns. Pure and free of zod, so the pages read them without
 * shipping zod to the browser; schemas.ts (the actions' zod schemas) re-exports them.
 */
/** The documented header, then the optional `network` column the clone also reads. */
export const BULK_COLUMNS = ["recipient_name", "recipient_email", "recipient_phone", "amount", "currency", "reference", "description", "metadata", "network"] as const;
export type BulkColumn = (typeof BULK_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly BulkColumn[] = ["recipient_name", "recipient_email", "recipient_phone", "amount", "currency", "reference"];

export const BULK_MAX_BYTES = 10 * 1024 * 1024;
export const BULK_MAX_ROWS = 10_000;

/** "Download template": the header and two example rows (sandbox test numbers that succeed). */
export const BULK_TEMPLATE_CSV = [
  BULK_COLUMNS.join(","),
  'Jane Doe,jane@example.com,+254700000001,1500,KES,PAYROLL-2026-11-001,November salary,"{""employeeId"":""E-001""}",MPESA',
  "Robert Smith,robert@example.com,+256700000002,50000,UGX,PAYROLL-2026-11-002,November salary,,",
].join("\r\n") + "\r\n";

export type BulkBatchStatus = "pending" | "awaiting_approval" | "processing" | "completed" | "completed_with_errors" | "failed" | "cancelled";
export const BULK_BATCH_STATUSES: readonly BulkBatchStatus[] = ["pending", "awaiting_approval", "processing", "completed", "completed_with_errors", "failed", "cancelled"];
export const BULK_BATCH_STATUS_LABEL: Record<BulkBatchStatus, string> = {
  pending: "Pending",
  awaiting_approval: "Awaiting approval",
  processing: "Processing",
  completed: "Completed",
  completed_with_errors: "Completed with errors",
  failed: "Failed",
  cancelled: "Cancelled",
};
export const FINAL_BATCH_STATUSES: readonly BulkBatchStatus[] = ["completed", "completed_with_errors", "failed", "cancelled"];

export type BulkItemStatus = "PENDING" | "PROCESSING" | "SUCCESS" | "FAILED" | "RETRY" | "CANCELLED";
export const BULK_ITEM_STATUSES: readonly BulkItemStatus[] = ["PENDING", "PROCESSING", "SUCCESS", "FAILED", "RETRY", "CANCELLED"];

/** The progress steps of a batch (§3.11), in order. */
export const BULK_STEPS = ["validation", "creation", "customer_creation", "payment_processing", "completion"] as const;
export type BulkStep = (typeof BULK_STEPS)[number];
export interface BulkProgressStep {
  step: BulkStep;
  status: "pending" | "running" | "completed" | "failed" | "cancelled";
  message?: string;
  startedAt?: string;
  completedAt?: string;
}

/** Automatic retries of an item whose payout failed for a reason worth retrying. */
export const BULK_MAX_RETRIES = 3;

/** One checked row of a file, ready to become an item (money in minor units, phone in E.164). */
export interface BulkRow {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  rowNo: number;
  recipientName: string;
  recipientEmail: string;
  /** E.164. */
  recipientPhone: string;
  /** Given in the file or detected from the number. */
  network: string;
  /** Minor units, as a string. */
  amount: string;
  currency: string;
  /** ISO-2: the country of the number, one of the integrator's markets for that currency. */
  country: string;
  reference: string;
  description: string | null;
  /** The metadata cell, parsed when it is JSON, else kept as text. */
  metadata: unknown;
}

/** An error or a warning, where a spreadsheet user can find it. Row null: the file as a whole. */
export interface BulkIssue {
  row: number | null;
  column: BulkColumn | null;
  message: string;
}

export interface CurrencyGroup {
  currency: string;
  recipients: number;
  /** Minor units, as strings. */
  totalAmount: string;
  /** Σ of each row's payout fee (the currency's mobile-money payout rule). */
  totalFees: string;
}

export interface WalletChoice {
  id: string;
  name: string;
  currency: string;
  country: string | null;
  /** Minor units, as a string. */
  payoutBalance: string;
  /** Who bears the payout fee: WALLET adds it to the debit; CUSTOMER takes it from what the recipient gets. */
  payoutFeeBearer: "CUSTOMER" | "WALLET";
}

/** What "validate" answers (CSVValidationResponseDto, plus the draft to confirm and the wallets to pick). */
export interface BulkValidation {
  isValid: boolean;
  /** The draft to confirm (only when valid). */
  uploadId: string | null;
  fileName: string;
  fileHash: string;
  totalRecords: number;
  currencies: string[];
  errors: BulkIssue[];
  warnings: BulkIssue[];
  currencyBreakdown: CurrencyGroup[];
  /** The same file uploaded before (not a draft): when and as what. */
  duplicateOf: { uploadId: string; name: string; createdAt: string } | null;
  /** Per currency, the wallets that can pay it. */
  wallets: Record<string, WalletChoice[]>;
}
