import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { getWallet } from "./list-wallets";
import type { BalanceHistoryPage, LedgerEntryRow } from "./types";

type ScopeLike = Pick<Scope, "integratorId" | "environment">;

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

async function queryHistory(
  db: Db,
  scope: ScopeLike,
  walletId: string,
  opts: { kind?: string; limit: number; offset: number },
): Promise<{ rows: LedgerEntryRow[]; total: number }> {
  const kindFilter = opts.kind ? sql`and lt.kind = ${opts.kind}` : sql``;
  // One row per ledger transaction touching the wallet: its deposit and payout deltas and the
  // balances after its last entry. Newest first.
  const res = await db.execute(sql`
    select
      lt.id,
      lt.created_at,
      lt.kind,
      lt.reference,
      lt.description,
      coalesce(sum(e.amount) filter (where e.account = 'deposit'), 0)::text as deposit_delta,
      coalesce(sum(e.amount) filter (where e.account = 'payout'), 0)::text as payout_delta,
      ((array_agg(e.deposit_balance_after order by e.id desc))[1])::text as deposit_after,
      ((array_agg(e.payout_balance_after order by e.id desc))[1])::text as payout_after,
      count(*) over () as total
    from ledger_entries e
    join ledger_transactions lt on lt.id = e.ledger_transaction_id
    where e.wallet_id = ${walletId}
      and e.integrator_id = ${scope.integratorId}
      and e.environment = ${scope.environment}
      ${kindFilter}
    group by lt.id
    order by lt.created_at desc, max(e.id) desc
    limit ${opts.limit} offset ${opts.offset}
  `);
  const raw = rowsOf<RawRow>(res);
  let total = raw.length ? Number(raw[0].total) : 0;
  if (!raw.length && opts.offset > 0) {
    // Past the last page: still report the total so the pager can go back.
    const c = rowsOf<{ n: string | number }>(
      await db.execute(sql`
        select count(distinct e.ledger_transaction_id) as n
        from ledger_entries e join ledger_transactions lt on lt.id = e.ledger_transaction_id
        where e.wallet_id = ${walletId} and e.integrator_id = ${scope.integratorId} and e.environment = ${scope.environment} ${kindFilter}
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

/** A page of the wallet's balance history (ledger transactions, newest first). */
export async function getBalanceHistory(
  db: Db,
  scope: ScopeLike,
  walletId: string,
  opts: { page: number; pageSize: number; kind?: string },
): Promise<BalanceHistoryPage> {
  const wallet = await getWallet(db, scope, walletId);
  const { rows, total } = await queryHistory(db, scope, wallet.id, {
    kind: opts.kind,
    limit: opts.pageSize,
    offset: (opts.page - 1) * opts.pageSize,
  });
  return {
    wallet: { id: wallet.id, name: wallet.name, currency: wallet.currency, country: wallet.country },
    rows,
    page: opts.page,
    pageSize: opts.pageSize,
    total,
  };
}

export const HISTORY_EXPORT_LIMIT = 50_000;

/** Every row (up to HISTORY_EXPORT_LIMIT) for the CSV export. */
export async function getBalanceHistoryForExport(
  db: Db,
  scope: ScopeLike,
  walletId: string,
  opts: { kind?: string },
): Promise<{ wallet: BalanceHistoryPage["wallet"]; rows: LedgerEntryRow[]; truncated: boolean }> {
  const wallet = await getWallet(db, scope, walletId);
  const { rows, total } = await queryHistory(db, scope, wallet.id, { kind: opts.kind, limit: HISTORY_EXPORT_LIMIT, offset: 0 });
  return {
    wallet: { id: wallet.id, name: wallet.name, currency: wallet.currency, country: wallet.country },
    rows,
    truncated: total > rows.length,
  };
}
