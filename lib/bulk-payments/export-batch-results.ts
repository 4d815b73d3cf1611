import "server-only";
import { and, asc, gt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { bulkItems as i } from "@/lib/db/schema";
import { csvField, csvLine, csvNumber } from "@/lib/csv";
import { toDecimalString } from "@/lib/money";
import { BULK_COLUMNS } from "./schemas";
import type { BatchItemFilters } from "./items-contract";
import { batchItemsWhere, findScopedBatch, selectBatchItems, type BatchItemRecord } from "./list-batch-items";

/** Items read per round trip while streaming. */
export const BATCH_EXPORT_BATCH = 1_000;

/** The template's columns (so a fixed file uploads as it is), then what happened to each row. */
export const BATCH_EXPORT_HEADER: readonly string[] = [...BULK_COLUMNS, "status", "error_message", "payout_reference"];

export interface BatchResultsExport {
  filename: string;
  header: readonly string[];
  /** CSV lines (CRLF-terminated), one chunk per read: for lib/csv.ts csvResponse. */
  lines: AsyncIterable<string>;
}

/**
 * One item → its CSV line, in BATCH_EXPORT_HEADER's order (every text cell through the formula
 * neutraliser). The phone is written with its country code but without the "+" (254712345678):
 * a leading "+" is a formula start, which the neutraliser would prefix with an apostrophe that
 * the upload check then refuses; the check reads the digits back to the same E.164 number.
 */
export function batchResultLine(r: BatchItemRecord): string {
  return csvLine([
    csvField(r.recipientName),
    csvField(r.recipientEmail),
    csvField(r.recipientPhone.replace(/^\+/, "")),
    csvNumber(toDecimalString(r.amount, r.currency)),
    csvField(r.currency),
    csvField(r.reference),
    csvField(r.description),
    csvField(r.metadata === null || r.metadata === undefined ? null : JSON.stringify(r.metadata)),
    csvField(r.network),
    csvField(r.status),
    csvField(r.errorMessage),
    csvField(r.payoutReference),
  ]);
}

/**
 * A batch's items as CSV lines in row order, in the upload template's columns (amount as a
 * decimal, metadata as JSON) plus status, error_message and payout_reference, so failed rows can be
 * fixed and uploaded again. Optional list filters (status, search). The batch is checked now
 * (another integrator's or environment's is NotFoundError before any byte is sent), then items are
 * read one keyset batch (row_no) per pull.
 */
export async function exportBatchResults(
  db: Db,
  scope: Scope,
  batchId: string,
  filters: BatchItemFilters = { q: "", status: [] },
  opts: { now?: Date; batchSize?: number } = {},
): Promise<BatchResultsExport> {
  const batch = await findScopedBatch(db, scope, batchId);
  const now = opts.now ?? new Date();
  const size = opts.batchSize ?? BATCH_EXPORT_BATCH;
  const where = batchItemsWhere(scope, batch, filters);

  async function* lines(): AsyncGenerator<string> {
    let after: number | null = null;
    for (;;) {
      const rows = await selectBatchItems(db)
        .where(and(where, after === null ? undefined : gt(i.rowNo, after)))
        .orderBy(asc(i.rowNo))
        .limit(size);
      if (!rows.length) return;
      yield rows.map(batchResultLine).join("");
      if (rows.length < size) return;
      after = rows[rows.length - 1].rowNo;
    }
  }

  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return {
    filename: `kotani-bulk-payment-${batch.currency}-${batch.id}-results-${scope.environment}-${stamp}.csv`,
    header: BATCH_EXPORT_HEADER,
    lines: lines(),
  };
}
