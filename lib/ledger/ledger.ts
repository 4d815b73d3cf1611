import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { ledgerEntries, type Environment } from "@/lib/db/schema";

/**
 * The double-entry ledger behind every balance change.
 *
 * Rules (docs/conventions.md "Money"):
 * - one ledger transaction per money movement, its entries sum to zero;
 * - written in the SAME database transaction as the balance update;
 * - the transaction's idempotency key is unique per integrator: the first request to claim it
 *   wins, a repeat gets the stored response, the same key with another request is refused.
 *
 * Wallet entries carry walletId + account "deposit" | "payout" and the wallet's balances right
 * after the entry; entries outside the platform have walletId null and account "external:<name>".
 */

/** Anything that can run queries: the db or a transaction handle. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "execute">;

export interface NewLedgerEntry {
  walletId: string | null;
  account: "deposit" | "payout" | `external:${string}`;
  amount: bigint;
  depositBalanceAfter?: bigint | null;
  payoutBalanceAfter?: bigint | null;
  metadata?: Record<string, unknown>;
}

/** Appends a ledger transaction's entries; refuses (throws) unless they sum to exactly zero. */
export async function insertLedgerEntries(
  tx: Tx,
  ledgerTransactionId: string,
  base: { integratorId: string; environment: Environment; currency: string },
  entries: NewLedgerEntry[],
): Promise<void> {
  const sum = entries.reduce((s, e) => s + e.amount, 0n);
  if (sum !== 0n) throw new Error(`ledger transaction ${ledgerTransactionId} does not balance (sum ${sum})`);
  if (entries.some((e) => (e.walletId === null) !== e.account.startsWith("external:"))) {
    throw new Error("wallet entries need a walletId and a deposit/payout account; external ones neither");
  }
  await tx.insert(ledgerEntries).values(
    entries.map((e) => ({
      ledgerTransactionId,
      integratorId: base.integratorId,
      environment: base.environment,
      currency: base.currency,
      walletId: e.walletId,
      account: e.account,
      amount: e.amount,
      depositBalanceAfter: e.depositBalanceAfter ?? null,
      payoutBalanceAfter: e.payoutBalanceAfter ?? null,
      metadata: e.metadata,
    })),
  );
}

/** A transient condition worth running the whole database transaction again for. */
export class RetryableLedgerError extends Error {}

const RETRYABLE_PG_CODES = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected

function isRetryable(e: unknown): boolean {
  if (e instanceof RetryableLedgerError) return true;
  const code = (e as { code?: unknown; cause?: { code?: unknown } })?.code ?? (e as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === "string" && RETRYABLE_PG_CODES.has(code);
}

/** Runs `fn` (one whole database transaction) again on serialization failures, deadlocks and vanished idempotency rows. */
export async function withLedgerRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * i + Math.floor(Math.random() * 10)));
    }
  }
}

/**
 * Σ of the wallet's ledger entries per account next to its stored balances. A wallet whose
 * sums differ from its balances has been changed outside the ledger (tests, reconciliation).
 */
export async function walletLedgerSums(db: Pick<Db, "execute">, walletId: string): Promise<{ deposit: bigint; payout: bigint }> {
  const res = (await db.execute(sql`
    select
      coalesce(sum(amount) filter (where account = 'deposit'), 0)::text as deposit,
      coalesce(sum(amount) filter (where account = 'payout'), 0)::text as payout
    from ${ledgerEntries} where wallet_id = ${walletId}
  `)) as unknown as { rows: { deposit: string; payout: string }[] };
  const row = res.rows[0];
  return { deposit: BigInt(row?.deposit ?? 0), payout: BigInt(row?.payout ?? 0) };
}
