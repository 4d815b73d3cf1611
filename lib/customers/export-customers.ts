import "server-only";
import { and, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { customers as c } from "@/lib/db/schema";
import { csvField, csvLine, csvNumber } from "@/lib/csv";
import { toDecimalString } from "@/lib/money";
import { CUSTOMER_EXPORT_MAX_ROWS, type CustomerFilters } from "./customers-contract";
import { customerColumns, customersWhere, customerTotals, toCustomerRow } from "./list-customers";

/** Customers read per round trip while streaming (and per grouped totals query). */
export const CUSTOMER_EXPORT_BATCH = 1_000;

export interface CustomerExport {
  filename: string;
  header: string[];
  /** CSV lines (CRLF-terminated), one chunk per batch: for lib/csv.ts csvResponse. */
  lines: AsyncIterable<string>;
}

/** created_at with its microseconds, for the keyset cursor (a JS Date would drop them). */
const createdIso = sql<string>`to_char(${c.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The filtered Customers list as CSV lines, newest first (sort and paging ignored), with the same
 * filters as the list: checked now (a bad filter is a 400 before any byte is sent), then read one
 * keyset batch per pull, each batch's counts and totals in one grouped query.
 */
export function exportCustomers(
  db: Db,
  scope: Scope,
  filters: CustomerFilters,
  opts: { now?: Date; batchSize?: number; maxRows?: number } = {},
): CustomerExport {
  const now = opts.now ?? new Date();
  const batch = opts.batchSize ?? CUSTOMER_EXPORT_BATCH;
  const maxRows = opts.maxRows ?? CUSTOMER_EXPORT_MAX_ROWS;
  const currency = scope.market.currency;
  const where = customersWhere(scope, filters, now);

  const readBatch = (cursor: { ts: string; id: string } | null, limit: number) =>
    db
      .select({ ...customerColumns, createdIso })
      .from(c)
      .where(and(where, cursor ? sql`(${c.createdAt}, ${c.id}) < (${cursor.ts}::timestamptz, ${cursor.id})` : undefined))
      .orderBy(sql`${c.createdAt} desc`, sql`${c.id} desc`)
      .limit(limit);

  async function* lines(): AsyncGenerator<string> {
    let cursor: { ts: string; id: string } | null = null;
    let sent = 0;
    while (sent < maxRows) {
      const rows = await readBatch(cursor, Math.min(batch, maxRows - sent));
      if (!rows.length) return;
      const totals = await customerTotals(db, scope, rows.map((r) => r.id));
      yield rows
        .map((r) => {
          const row = toCustomerRow(r, totals.get(r.id), now);
          return csvLine([
            csvField(row.customerKey),
            csvField(r.firstName),
            csvField(r.lastName),
            csvField(row.email),
            csvField(row.phoneNumber),
            csvField(row.country),
            csvField(row.network),
            csvField(row.status),
            csvField(row.suspendedUntil),
            csvNumber(String(row.transactionCount)),
            csvNumber(toDecimalString(row.totalCollected, currency)),
            csvNumber(toDecimalString(row.totalPaid, currency)),
            csvField(row.createdAt),
          ]);
        })
        .join("");
      sent += rows.length;
      if (rows.length < batch) return;
      const last = rows[rows.length - 1];
      cursor = { ts: last.createdIso, id: last.id };
    }
  }

  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const market = `${scope.market.country}-${currency}`.toLowerCase();
  return {
    filename: `kotani-customers-${market}-${scope.environment}-${stamp}.csv`,
    header: [
      "Customer key",
      "First name",
      "Last name",
      "Email",
      "Phone number",
      "Country",
      "Network",
      "Status",
      "Suspended until",
      "Transactions",
      `Total collected (${currency})`,
      `Total paid (${currency})`,
      "Created at (UTC)",
    ],
    lines: lines(),
  };
}
