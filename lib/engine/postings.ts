import "server-only";
import { sql } from "drizzle-orm";
import { ledgerTransactions, type Environment } from "@/lib/db/schema";
import { insertLedgerEntries, type NewLedgerEntry, type Tx } from "@/lib/ledger/ledger";
import { requestHash } from "@/lib/ledger/idempotency";

/**
 * The engine's three postings. Each is a ledger transaction keyed `<kind>:<transaction id>`,
 * unique per integrator, so a posting can happen at most once even if the status guard in
 * advanceTransaction were bypassed; the balance moves in the same statement that checks it.
 */
interface PostingTarget {
  transactionId: string;
  integratorId: string;
  environment: Environment;
  walletId: string;
  currency: string;
  createdBy?: string | null;
}

export class InsufficientPayoutBalance extends Error {}

type WalletRow = { deposit_balance: string; payout_balance: string };

async function claimPosting(tx: Tx, t: PostingTarget, kind: string, description: string): Promise<string | null> {
  const key = `engine:${kind}:${t.transactionId}`;
  const [row] = await tx
    .insert(ledgerTransactions)
    .values({
      integratorId: t.integratorId,
      environment: t.environment,
      kind,
      currency: t.currency,
      idempotencyKey: key,
      requestHash: requestHash({ op: key }),
      reference: t.transactionId,
      description,
      createdBy: t.createdBy ?? null,
      response: { transactionId: t.transactionId },
    })
    .onConflictDoNothing({ target: [ledgerTransactions.integratorId, ledgerTransactions.idempotencyKey] })
    .returning({ id: ledgerTransactions.id });
  return row?.id ?? null;
}

/** Moves one wallet balance by `delta` in one statement; a debit only while the balance covers it. */
async function moveBalance(tx: Tx, t: PostingTarget, account: "deposit" | "payout", delta: bigint, requireActive: boolean): Promise<WalletRow | null> {
  const column = account === "deposit" ? sql.raw("deposit_balance") : sql.raw("payout_balance");
  const d = delta.toString();
  const res = (await tx.execute(sql`
    update fiat_wallets
       set ${column} = ${column} + ${d}::bigint, ledger_transaction_count = ledger_transaction_count + 1, updated_at = now()
     where id = ${t.walletId}
       and integrator_id = ${t.integratorId}
       and environment = ${t.environment}
       and ${column} + ${d}::bigint >= 0
       ${requireActive ? sql`and status = 'active' and not locked` : sql``}
    returning deposit_balance::text, payout_balance::text
  `)) as unknown as { rows: WalletRow[] };
  return res.rows[0] ?? null;
}

function walletEntry(account: "deposit" | "payout", amount: bigint, w: WalletRow): NewLedgerEntry {
  return { walletId: "", account, amount, depositBalanceAfter: BigInt(w.deposit_balance), payoutBalanceAfter: BigInt(w.payout_balance) };
}

async function post(tx: Tx, t: PostingTarget, ledgerId: string, wallet: NewLedgerEntry, external: NewLedgerEntry[]): Promise<void> {
  const entries = [{ ...wallet, walletId: t.walletId }, ...external.filter((e) => e.amount !== 0n)];
  await insertLedgerEntries(tx, ledgerId, { integratorId: t.integratorId, environment: t.environment, currency: t.currency }, entries);
}

/**
 * A payout's debit at creation: −walletAmount from the payout balance; the recipient's amount and
 * the fee go to external accounts. Throws InsufficientPayoutBalance (the caller rolls back).
 */
export async function postPayoutDebit(
  tx: Tx,
  t: PostingTarget,
  amounts: { walletAmount: bigint; transactionAmount: bigint; fee: bigint },
): Promise<WalletRow> {
  const ledgerId = await claimPosting(tx, t, "payout", "Payout");
  if (!ledgerId) throw new Error(`payout ${t.transactionId} was already debited`);
  const w = await moveBalance(tx, t, "payout", -amounts.walletAmount, true);
  if (!w) throw new InsufficientPayoutBalance();
  await post(tx, t, ledgerId, walletEntry("payout", -amounts.walletAmount, w), [
    { walletId: null, account: "external:recipients", amount: amounts.transactionAmount },
    { walletId: null, account: "external:fees", amount: amounts.fee },
  ]);
  return w;
}

/** Gives a failed payout's debit back. Returns false when it was already reversed. */
export async function postPayoutReversal(
  tx: Tx,
  t: PostingTarget,
  amounts: { walletAmount: bigint; transactionAmount: bigint; fee: bigint },
): Promise<boolean> {
  const ledgerId = await claimPosting(tx, t, "payout_reversal", "Payout reversed");
  if (!ledgerId) return false;
  const w = await moveBalance(tx, t, "payout", amounts.walletAmount, false);
  if (!w) throw new Error(`payout ${t.transactionId}: wallet ${t.walletId} not found for the reversal`);
  await post(tx, t, ledgerId, walletEntry("payout", amounts.walletAmount, w), [
    { walletId: null, account: "external:recipients", amount: -amounts.transactionAmount },
    { walletId: null, account: "external:fees", amount: -amounts.fee },
  ]);
  return true;
}

/** A successful collection: the deposit balance gains walletAmount; the payer paid transactionAmount, the fee went out. */
export async function postCollectionCredit(
  tx: Tx,
  t: PostingTarget,
  amounts: { walletAmount: bigint; transactionAmount: bigint; fee: bigint },
): Promise<boolean> {
  const ledgerId = await claimPosting(tx, t, "collection", "Collection");
  if (!ledgerId) return false;
  const w = await moveBalance(tx, t, "deposit", amounts.walletAmount, false);
  if (!w) throw new Error(`collection ${t.transactionId}: wallet ${t.walletId} not found for the credit`);
  await post(tx, t, ledgerId, walletEntry("deposit", amounts.walletAmount, w), [
    { walletId: null, account: "external:payers", amount: -amounts.transactionAmount },
    { walletId: null, account: "external:fees", amount: amounts.fee },
  ]);
  return true;
}
