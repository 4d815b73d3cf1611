import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { ledgerEntries as e, ledgerTransactions as lt } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { inScope } from "@/lib/db/tenant";
import { csvField, csvLine, csvNumber } from "@/lib/csv";
import { toDecimalString } from "@/lib/money";
import { isValidTimeZone, zonedRange } from "@/lib/transactions/dates";
import { getWallet } from "./list-wallets";
import { LEDGER_KIND_LABELS, type BalanceHistoryPage, type LedgerEntryRow } from "./types";
import type { BalanceHistoryQuery } from "./balance-history-contract";

/** What the service filters by: the contract's parsed query, or (tests, the export) a part of it. */
export type HistoryFilters = Partial<Pick<BalanceHistoryQuery, "q" | "kind" | "from" | "to" | "tz" | "sort">>;

interface RawRow {
  id: string;
  created_at: string | Date;
  kind: string;
  reference: string | null;
  description: string | null;
  deposit_delta: string;
  payout_delta: string;
  deposit_after: string | null;
  payout_after: string | null;
  total: number | string;
}

function rowsOf<T>(res: unknown): T[] {
  return (res as { rows: T[] }).rows;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The wallet's entries in the scope (integrator + environment), and the filters on their ledger transaction. */
function whereOf(scope: Scope, walletId: string, f: HistoryFilters): SQL {
  const conds: SQL[] = [inScope(e, scope), sql`${e.walletId} = ${walletId}`];
  if (f.kind) conds.push(sql`${lt.kind} = ${f.kind}`);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    conds.push(sql`(${lt.reference} ilike ${pattern} or ${lt.description} ilike ${pattern} or ${lt.id} = ${f.q})`);
  }
  const zone = f.tz && (f.tz === "UTC" || f.tz === scope.timezone) && isValidTimeZone(f.tz) ? f.tz : scope.timezone;
  const { start, end } = zonedRange(f.from, f.to, zone);
  if (start) conds.push(sql`${lt.createdAt} >= ${start.toISOString()}::timestamptz`);
  if (end) conds.push(sql`${lt.createdAt} < ${end.toISOString()}::timestamptz`);
  return sql.join(conds, sql` and `);
}

async function queryHistory(
  db: Db,
  scope: Scope,
  walletId: string,
  f: HistoryFilters & { limit: number; offset: number },
): Promise<{ rows: LedgerEntryRow[]; total: number }> {
  const where = whereOf(scope, walletId, f);
  const dir = f.sort?.dir === "asc" ? sql`asc` : sql`desc`;
  // One row per ledger transaction touching the wallet: its deposit and payout deltas and the
  // balances after its last entry.
  const res = await db.execute(sql`
    select
      ${lt.id} as id,
      ${lt.createdAt} as created_at,
      ${lt.kind} as kind,
      ${lt.reference} as reference,
      ${lt.description} as description,
      coalesce(sum(${e.amount}) filter (where ${e.account} = 'deposit'), 0)::text as deposit_delta,
      coalesce(sum(${e.amount}) filter (where ${e.account} = 'payout'), 0)::text as payout_delta,
      ((array_agg(${e.depositBalanceAfter} order by ${e.id} desc))[1])::text as deposit_after,
      ((array_agg(${e.payoutBalanceAfter} order by ${e.id} desc))[1])::text as payout_after,
      count(*) over () as total
    from ${e}
    join ${lt} on ${lt.id} = ${e.ledgerTransactionId}
    where ${where}
    group by ${lt.id}
    order by ${lt.createdAt} ${dir}, max(${e.id}) ${dir}
    limit ${f.limit} offset ${f.offset}
  `);
  const raw = rowsOf<RawRow>(res);
  let total = raw.length ? Number(raw[0].total) : 0;
  if (!raw.length && f.offset > 0) {
    // Past the last page: still report the total so the pager can go back.
    const c = rowsOf<{ n: string | number }>(
      await db.execute(sql`
        select count(distinct ${e.ledgerTransactionId}) as n
        from ${e} join ${lt} on ${lt.id} = ${e.ledgerTransactionId}
        where ${where}
      `),
    );
    total = Number(c[0]?.n ?? 0);
  }
  return {
    total,
    rows: raw.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      kind: r.kind,
      reference: r.reference,
      description: r.description,
      depositDelta: r.deposit_delta,
      payoutDelta: r.payout_delta,
      depositBalanceAfter: r.deposit_after,
      payoutBalanceAfter: r.payout_after,
    })),
  };
}

/** A page of the wallet's balance history (ledger transactions, newest first unless sorted otherwise). */
export async function getBalanceHistory(
  db: Db,
  scope: Scope,
  walletId: string,
  query: HistoryFilters & { page: number; pageSize: number },
): Promise<BalanceHistoryPage> {
  const wallet = await getWallet(db, scope, walletId);
  const { rows, total } = await queryHistory(db, scope, wallet.id, {
    ...query,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    wallet: { id: wallet.id, name: wallet.name, currency: wallet.currency, country: wallet.country },
    rows,
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export const HISTORY_EXPORT_LIMIT = 50_000;

/** Every row (up to HISTORY_EXPORT_LIMIT), newest first, for the CSV export. */
export async function getBalanceHistoryForExport(
  db: Db,
  scope: Scope,
  walletId: string,
  filters: HistoryFilters,
): Promise<{ wallet: BalanceHistoryPage["wallet"]; rows: LedgerEntryRow[]; truncated: boolean }> {
  const wallet = await getWallet(db, scope, walletId);
  const { rows, total } = await queryHistory(db, scope, wallet.id, {
    ...filters,
    sort: undefined,
    limit: HISTORY_EXPORT_LIMIT,
    offset: 0,
  });
  return {
    wallet: { id: wallet.id, name: wallet.name, currency: wallet.currency, country: wallet.country },
    rows,
    truncated: total > rows.length,
  };
}

export const BALANCE_HISTORY_CSV_HEADER = [
  "Time (UTC)",
  "Kind",
  "Reference",
  "Description",
  "Currency",
  "Deposit change",
  "Main balance change",
  "Deposit balance after",
  "Main balance after",
  "Ledger transaction",
];

/**
 * The wallet's filtered balance history as CSV (amounts as exact decimals of the wallet's
 * currency; text cells through lib/csv.ts's neutraliser): for csvResponse.
 */
export async function exportBalanceHistory(
  db: Db,
  scope: Scope,
  walletId: string,
  filters: HistoryFilters,
): Promise<{ filename: string; header: string[]; lines: string[] }> {
  const { wallet, rows } = await getBalanceHistoryForExport(db, scope, walletId, filters);
  const money = (v: string | null) => (v === null ? "" : toDecimalString(v, wallet.currency));
  const lines = rows.map((r) =>
    csvLine([
      csvField(r.createdAt),
      csvField(LEDGER_KIND_LABELS[r.kind] ?? r.kind),
      csvField(r.reference),
      csvField(r.description),
      csvField(wallet.currency),
      csvNumber(money(r.depositDelta)),
      csvNumber(money(r.payoutDelta)),
      csvNumber(money(r.depositBalanceAfter)),
      csvNumber(money(r.payoutBalanceAfter)),
      csvField(r.id),
    ]),
  );
  return {
    filename: `wallet-${wallet.currency}-${wallet.id}-balance-history.csv`,
    header: BALANCE_HISTORY_CSV_HEADER,
    lines,
  };
}
