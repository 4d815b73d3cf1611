import "server-only";
import { and, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { transactions as t } from "@/lib/db/schema";
import { csvField, csvLine, csvNumber } from "@/lib/csv";
import { toDecimalString } from "@/lib/money";
import { LINK_PAYMENT_EXPORT_MAX_ROWS, type LinkPaymentFilters } from "./link-payments-contract";
import { findScopedLink, linkPaymentsWhere, selectLinkPayments, toLinkPaymentRow } from "./list-link-payments";

/** Payments read per round trip while streaming. */
export const LINK_PAYMENT_EXPORT_BATCH = 1_000;

export interface LinkPaymentsExport {
  filename: string;
  header: string[];
  /** CSV lines (CRLF-terminated), one chunk per batch: for lib/csv.ts csvResponse. */
  lines: AsyncIterable<string>;
}

/**
 * A payment link's payments as CSV lines, newest first (sort and paging ignored), with the list's
 * filters. The link is checked now (another integrator's or market's link is NotFoundError before
 * any byte is sent), then the rows are read one keyset batch (created_at, id) per pull.
 */
export async function exportLinkPayments(
  db: Db,
  scope: Scope,
  linkId: string,
  filters: LinkPaymentFilters,
  opts: { now?: Date; batchSize?: number; maxRows?: number } = {},
): Promise<LinkPaymentsExport> {
  const link = await findScopedLink(db, scope, linkId);
  const now = opts.now ?? new Date();
  const batch = opts.batchSize ?? LINK_PAYMENT_EXPORT_BATCH;
  const maxRows = opts.maxRows ?? LINK_PAYMENT_EXPORT_MAX_ROWS;
  const where = linkPaymentsWhere(scope, link, filters);

  const readBatch = (cursor: { ts: string; id: string } | null, limit: number) =>
    selectLinkPayments(db)
      .where(and(where, cursor ? sql`(${t.createdAt}, ${t.id}) < (${cursor.ts}::timestamptz, ${cursor.id})` : undefined))
      .orderBy(sql`${t.createdAt} desc`, sql`${t.id} desc`)
      .limit(limit);

  async function* lines(): AsyncGenerator<string> {
    let cursor: { ts: string; id: string } | null = null;
    let sent = 0;
    while (sent < maxRows) {
      const rows = await readBatch(cursor, Math.min(batch, maxRows - sent));
      if (!rows.length) return;
      yield rows
        .map((r) => {
          const row = toLinkPaymentRow(r);
          return csvLine([
            csvField(row.referenceId),
            csvField(row.status),
            csvField(row.customerName),
            csvField(row.phoneNumber),
            csvField(row.network),
            csvNumber(toDecimalString(row.amount, row.currency)),
            csvNumber(toDecimalString(row.fee, row.currency)),
            csvField(row.currency),
            csvField(row.createdAt),
            csvField(row.completedAt),
          ]);
        })
        .join("");
      sent += rows.length;
      if (rows.length < batch) return;
      const last = rows[rows.length - 1];
      cursor = { ts: last.createdAt, id: last.id };
    }
  }

  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return {
    filename: `kotani-payment-link-${link.shortCode}-payments-${scope.environment}-${stamp}.csv`,
    header: [
      "Reference",
      "Status",
      "Customer",
      "Phone number",
      "Network",
      `Amount (${link.currency})`,
      `Fee (${link.currency})`,
      "Currency",
      "Created at (UTC)",
      "Completed at (UTC)",
    ],
    lines: lines(),
  };
}
