import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import { fiatWallets } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { auditedBy, auditRefusals, writeAudit } from "@/lib/audit/write-audit";
import { formatMoney, MAX_MINOR_UNITS, parseAmount } from "@/lib/money";
import type { RequestMeta } from "@/lib/auth/guard";
import { IDEMPOTENCY_KEY_MESSAGE, IDEMPOTENCY_KEY_RE } from "@/lib/ledger/idempotency-key";
import { claimIdempotencyKey, requestHash } from "@/lib/ledger/idempotency";
import { withLedgerRetry, type Tx } from "@/lib/ledger/ledger";
import type { TransferResult } from "./types";

export const TRANSFER_SUCCESS_MESSAGE = "Transfer deposit balance has been successfully done.";

export interface TransferDepositBalanceInput {
  walletId: string;
  /** Minor units; omitted = the entire deposit balance, resolved under the row lock. */
  amount?: bigint;
  idempotencyKey: string;
}

/**
 * Moves `amount` (or the whole deposit balance) from a wallet's deposit balance to its payout
 * ("Main") balance. Exact under double clicks, retries and concurrency:
 *
 * 1. one database transaction;
 * 2. the ledger_transactions row is inserted first, ON CONFLICT (integrator, key) DO NOTHING:
 *    a repeat of the same request returns the stored response, the same key with another
 *    request is a ConflictError, and a concurrent twin waits on the unique index;
 * 3. the balances move in ONE conditional UPDATE (scope, active, not locked, enough deposit),
 *    which in the same statement writes the two ledger entries (−x deposit, +x payout, with
 *    balances after) and the stored response; for "entire deposit" the amount is read under
 *    `FOR UPDATE` first. No read-check-write anywhere;
 * 4. 0 rows updated → the reason is looked up for a clear message, and everything rolls back;
 * 5. an audit row, in the same transaction.
 *
 * Refusals are audited afterwards (outcome "failure"), outside the rolled-back transaction.
 */
export async function transferDepositBalance(
  db: Db,
  scope: Scope,
  input: TransferDepositBalanceInput,
  meta?: Partial<RequestMeta>,
): Promise<TransferResult> {
  const key = (input.idempotencyKey ?? "").trim();
  if (!key) throw new ValidationError("An idempotency key is required", { idempotencyKey: ["An idempotency key is required"] });
  if (!IDEMPOTENCY_KEY_RE.test(key)) {
    throw new ValidationError(IDEMPOTENCY_KEY_MESSAGE, { idempotencyKey: ["Invalid idempotency key"] });
  }
  const amount = input.amount;
  if (amount !== undefined) {
    if (typeof amount !== "bigint") throw new ValidationError("Amount must be an integer number of minor units");
    if (amount <= 0n) throw new ValidationError("Amount must be greater than zero", { amount: ["Amount must be greater than zero"] });
    if (amount > MAX_MINOR_UNITS) throw new ValidationError("Amount is too large", { amount: ["Amount is too large"] });
  }

  // Input errors were thrown above; a refusal from here on (not found, locked, insufficient, key
  // reuse) is worth an audit row even though nothing moved.
  return auditRefusals(
    db,
    {
      ...auditedBy(scope, meta),
      action: "wallet.transfer_deposit",
      targetType: "fiat_wallet",
      targetId: String(input.walletId).slice(0, 64),
      metadata: { amount: amount?.toString() ?? "entire", idempotencyKey: key },
    },
    () => withLedgerRetry(() => db.transaction((tx) => transferInTx(tx, scope, input.walletId, amount, key, meta))),
  );
}

/**
 * The transfer as people and API callers ask for it: the amount as typed ("1,000.50", parsed
 * against the wallet's own currency) or left out for the entire deposit balance. The one entry
 * the dashboard's modal (server action) and the JSON route share.
 */
export async function transferDepositBalanceAsRequested(
  db: Db,
  scope: Scope,
  input: { walletId: string; amount?: string; idempotencyKey: string },
  meta?: Partial<RequestMeta>,
): Promise<TransferResult> {
  let amount: bigint | undefined;
  if (input.amount !== undefined) {
    const [wallet] = await db
      .select({ currency: fiatWallets.currency })
      .from(fiatWallets)
      .where(and(inScope(fiatWallets, scope), eq(fiatWallets.id, input.walletId)))
      .limit(1);
    if (!wallet) throw new NotFoundError("Wallet not found");
    const parsed = parseAmount(input.amount, wallet.currency);
    if (!parsed.ok) throw new ValidationError(parsed.error, { amount: [parsed.error] });
    amount = parsed.minor;
  }
  return transferDepositBalance(db, scope, { walletId: input.walletId, amount, idempotencyKey: input.idempotencyKey }, meta);
}

async function transferInTx(
  tx: Tx,
  scope: Scope,
  walletId: string,
  requested: bigint | undefined,
  key: string,
  meta: Partial<RequestMeta> | undefined,
): Promise<TransferResult> {
  const walletInScope = and(inScope(fiatWallets, scope), eq(fiatWallets.id, walletId))!;

  // The currency (immutable) for the ledger row; another integrator's or environment's wallet is not found.
  const [wallet] = await tx.select({ id: fiatWallets.id, currency: fiatWallets.currency }).from(fiatWallets).where(walletInScope).limit(1);
  if (!wallet) throw new NotFoundError("Wallet not found");

  const claim = await claimIdempotencyKey(tx, {
    integratorId: scope.integratorId,
    environment: scope.environment,
    kind: "transfer",
    currency: wallet.currency,
    idempotencyKey: key,
    requestHash: requestHash({
      op: "wallet.transfer_deposit",
      environment: scope.environment,
      walletId,
      amount: requested === undefined ? "entire" : requested.toString(),
    }),
    description: "Deposit balance to main balance",
    createdBy: actorOf(scope).userId,
  });
  if (claim.status === "replay") return claim.response as TransferResult;

  const transferable = and(walletInScope, eq(fiatWallets.status, "active"), eq(fiatWallets.locked, false));

  let amount: bigint;
  if (requested === undefined) {
    // Entire deposit: lock the row, take its deposit balance as the amount. The lock is held
    // until commit, so the update below moves exactly what was read.
    const [locked] = await tx
      .select({ depositBalance: fiatWallets.depositBalance })
      .from(fiatWallets)
      .where(transferable)
      .for("update");
    if (!locked) throw await whyNotTransferable(tx, walletInScope, undefined);
    if (locked.depositBalance <= 0n) {
      throw new ValidationError("There is no deposit balance to transfer", { amount: ["There is no deposit balance to transfer"] });
    }
    amount = locked.depositBalance;
  } else {
    amount = requested;
  }

  const mode = requested === undefined ? "entire" : "specific";
  // Audited before the move: the row shares the transaction, so a refusal below rolls it back
  // (and is audited as a failure by the caller), and the row lock is held as briefly as possible.
  await writeAudit(tx, {
    ...auditedBy(scope, meta),
    action: "wallet.transfer_deposit",
    targetType: "fiat_wallet",
    targetId: walletId,
    outcome: "success",
    metadata: { ledgerTransactionId: claim.id, amount: amount.toString(), currency: wallet.currency, mode },
  });

  // The move itself: ONE statement. The conditional UPDATE takes the row lock and checks scope,
  // status, lock and balance at once; the two entries (−x deposit, +x payout, balances after)
  // and the stored response come from its RETURNING row, so nothing runs between them.
  const createdAt = new Date().toISOString();
  const x = amount.toString();
  const res = (await tx.execute(sql`
    with w as (
      update fiat_wallets
         set deposit_balance = deposit_balance - ${x}::bigint,
             payout_balance = payout_balance + ${x}::bigint,
             ledger_transaction_count = ledger_transaction_count + 1,
             updated_at = now()
       where id = ${walletId}
         and integrator_id = ${scope.integratorId}
         and environment = ${scope.environment}
         and status = 'active'
         and not locked
         and deposit_balance >= ${x}::bigint
      returning id, currency, deposit_balance, payout_balance
    ),
    e as (
      insert into ledger_entries
        (ledger_transaction_id, integrator_id, environment, wallet_id, account, currency, amount, deposit_balance_after, payout_balance_after)
      select ${claim.id}, ${scope.integratorId}, ${scope.environment}, w.id, v.account, w.currency, v.amount, w.deposit_balance, w.payout_balance
        from w cross join (values ('deposit', -(${x}::bigint)), ('payout', ${x}::bigint)) as v(account, amount)
      returning 1
    ),
    r as (
      update ledger_transactions
         set response = jsonb_build_object(
               'message', ${TRANSFER_SUCCESS_MESSAGE}::text,
               'ledgerTransactionId', ${claim.id}::text,
               'walletId', w.id,
               'currency', w.currency::text,
               'amount', ${x}::text,
               'depositBalance', w.deposit_balance::text,
               'payoutBalance', w.payout_balance::text,
               'createdAt', ${createdAt}::text)
        from w
       where ledger_transactions.id = ${claim.id}
      returning 1
    )
    select w.id, w.currency::text as currency, w.deposit_balance::text as deposit_balance, w.payout_balance::text as payout_balance,
           (select count(*) from e)::int as entries, (select count(*) from r)::int as responses
      from w
  `)) as unknown as { rows: { id: string; currency: string; deposit_balance: string; payout_balance: string; entries: number; responses: number }[] };
  const updated = res.rows[0];
  if (!updated) throw await whyNotTransferable(tx, walletInScope, amount);
  if (Number(updated.entries) !== 2 || Number(updated.responses) !== 1) throw new Error("transfer: ledger write incomplete");

  return {
    message: TRANSFER_SUCCESS_MESSAGE,
    ledgerTransactionId: claim.id,
    walletId: updated.id,
    currency: updated.currency,
    amount: x,
    depositBalance: updated.deposit_balance,
    payoutBalance: updated.payout_balance,
    createdAt,
  };
}

/** Why the conditional update matched no row: a clear error (the caller's throw rolls everything back). */
async function whyNotTransferable(tx: Tx, walletInScope: SQL, amount: bigint | undefined): Promise<AppError> {
  const [w] = await tx
    .select({
      status: fiatWallets.status,
      locked: fiatWallets.locked,
      currency: fiatWallets.currency,
      depositBalance: fiatWallets.depositBalance,
    })
    .from(fiatWallets)
    .where(walletInScope)
    .limit(1);
  if (!w) return new NotFoundError("Wallet not found");
  if (w.status !== "active") return new ConflictError(`This wallet is ${w.status}: transfers are not allowed.`);
  if (w.locked) return new ConflictError("This wallet is locked: unlock it in Edit Wallet before transferring.");
  if (amount !== undefined && w.depositBalance < amount) {
    const msg =
      w.depositBalance === 0n
        ? "There is no deposit balance to transfer"
        : `Amount is more than the deposit balance (${formatMoney(w.depositBalance, w.currency)} available)`;
    return new ValidationError(msg, { amount: [msg] });
  }
  return new ConflictError("The wallet changed while transferring. Nothing was moved; please try again.");
}
