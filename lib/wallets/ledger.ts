import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { ledgerEntries, ledgerTransactions, type Environment } from "@/lib/db/schema";
import { ConflictError } from "@/lib/auth/errors";

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

/** SHA-256 over the request's meaningful fields (keys sorted, so field order never matters). */
export function requestHash(fields: Record<string, string | number | boolean | null | undefined>): string {
  const canonical = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] ?? null]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export interface ClaimInput {
  integratorId: string;
  environment: Environment;
  kind: string;
  currency: string;
  idempotencyKey: string;
  requestHash: string;
  reference?: string | null;
  description?: string | null;
  createdBy?: string | null;
}

export type ClaimResult = { status: "claimed"; id: string } | { status: "replay"; id: string; response: unknown };

export const IDEMPOTENCY_CONFLICT_MESSAGE = "This idempotency key was already used for a different transfer";

/**
 * Inserts the ledger transaction row for `idempotencyKey`, first thing in the database
 * transaction. ON CONFLICT DO NOTHING: on PostgreSQL a concurrent inserter of the same key waits
 * on the unique index until the first transaction ends; after a commit it sees the row here and
 * gets the stored response, after a rollback its own insert goes through.
 */
export async function claimIdempotencyKey(tx: Tx, input: ClaimInput, conflictMessage = IDEMPOTENCY_CONFLICT_MESSAGE): Promise<ClaimResult> {
  const inserted = await tx
    .insert(ledgerTransactions)
    .values({
      integratorId: input.integratorId,
      environment: input.environment,
      kind: input.kind,
      currency: input.currency,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      reference: input.reference ?? null,
      description: input.description ?? null,
      createdBy: input.createdBy ?? null,
    })
    .onConflictDoNothing({ target: [ledgerTransactions.integratorId, ledgerTransactions.idempotencyKey] })
    .returning({ id: ledgerTransactions.id });
  if (inserted[0]) return { status: "claimed", id: inserted[0].id };

  const [existing] = await tx
    .select({ id: ledgerTransactions.id, requestHash: ledgerTransactions.requestHash, response: ledgerTransactions.response })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.integratorId, input.integratorId), eq(ledgerTransactions.idempotencyKey, input.idempotencyKey)))
    .limit(1);
  // Not visible: the row we collided with was rolled back in between. The caller retries.
  if (!existing) throw new RetryableLedgerError("idempotency row vanished");
  if (existing.requestHash !== input.requestHash) throw new ConflictError(conflictMessage);
  // Written in the same transaction as the row, so a committed row always has one.
  if (existing.response === null || existing.response === undefined) {
    throw new ConflictError("A request with this idempotency key is still being processed. Try again in a moment.");
  }
  return { status: "replay", id: existing.id, response: existing.response };
}

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

/** Stores the response a replay of this idempotency key returns. */
export async function storeLedgerResponse(tx: Tx, ledgerTransactionId: string, response: unknown): Promise<void> {
  await tx.update(ledgerTransactions).set({ response }).where(eq(ledgerTransactions.id, ledgerTransactionId));
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
