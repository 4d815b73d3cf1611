import { sql } from "drizzle-orm";
import { fiatWallets, ledgerEntries, ledgerTransactions } from "../schema";
import type { Environment } from "../schema/enums";
import { iso, type SeedContext } from "./context";

/**
 * The seed's ledger. Balances are plain numbers of minor units while generating (every demo
 * total stays far below 2^53; checked before writing) and follow the conventions of
 * lib/db/schema/wallets.ts and lib/wallets/ledger.ts:
 *
 * - opening_balance: payout +P, deposit +D, external:opening −(P+D)
 * - collection (SUCCESSFUL, at completion): deposit +amount, external:customer −transaction_amount,
 *   external:fees +fee
 * - payout (at creation, whatever the outcome): payout −(amount+fee), external:recipient +amount,
 *   external:fees +fee. Billing rule: the integrator's wallet pays the fee, the recipient gets
 *   the full amount (transaction_amount = amount).
 * - payout_reversal (FAILED/EXPIRED/CANCELLED/DECLINED/REVERSED, at completion): the exact
 *   opposite of the payout's entries. A payout refused for insufficient funds has no entries.
 * - transfer (deposit → payout): deposit −x, payout +x.
 *
 * Every wallet entry carries the wallet's balances right after it; events are applied in time
 * order, so the running balances read correctly in (created_at, id) order.
 */

export interface WalletState {
  id: string;
  integratorId: string;
  environment: Environment;
  currency: string;
  country: string | null;
  deposit: number;
  payout: number;
  /** Time of the last ledger event, to keep each wallet's entries in time order. */
  lastAt: number;
  entries: number;
  /** Ledger transactions that moved it (fiat_wallets.ledger_transaction_count). */
  postings: number;
}

interface Leg {
  wallet?: WalletState;
  account: "deposit" | "payout" | `external:${string}`;
  amount: number;
}

export interface LedgerPosting {
  wallet: WalletState;
  kind: string;
  at: number;
  idempotencyKey: string;
  reference: string | null;
  description: string;
  createdBy?: string | null;
  legs: Leg[];
}

export class SeedLedger {
  transactions = 0;
  entries = 0;

  constructor(private readonly ctx: SeedContext) {}

  async post(p: LedgerPosting): Promise<void> {
    const w = p.wallet;
    if (p.at < w.lastAt) throw new Error(`seed ledger: event for wallet ${w.id} out of order`);
    let sum = 0;
    for (const leg of p.legs) sum += leg.amount;
    if (sum !== 0) throw new Error(`seed ledger: ${p.kind} ${p.idempotencyKey} does not balance (${sum})`);

    const id = this.ctx.ids.next(p.at);
    const at = iso(p.at);
    await this.ctx.loader.push(ledgerTransactions, {
      id,
      integratorId: w.integratorId,
      environment: w.environment,
      kind: p.kind,
      currency: w.currency,
      idempotencyKey: p.idempotencyKey,
      requestHash: "seed",
      reference: p.reference,
      description: p.description,
      createdBy: p.createdBy ?? null,
      response: null,
      createdAt: at,
    });
    for (const leg of p.legs) {
      let depositAfter: number | null = null;
      let payoutAfter: number | null = null;
      if (leg.wallet) {
        if (leg.account === "deposit") leg.wallet.deposit += leg.amount;
        else if (leg.account === "payout") leg.wallet.payout += leg.amount;
        else throw new Error(`seed ledger: wallet leg on account ${leg.account}`);
        if (leg.wallet.deposit < 0 || leg.wallet.payout < 0) {
          throw new Error(`seed ledger: wallet ${leg.wallet.id} would go negative (${p.kind} ${p.idempotencyKey})`);
        }
        depositAfter = leg.wallet.deposit;
        payoutAfter = leg.wallet.payout;
        leg.wallet.entries++;
      }
      await this.ctx.loader.push(ledgerEntries, {
        ledgerTransactionId: id,
        integratorId: w.integratorId,
        environment: w.environment,
        walletId: leg.wallet ? leg.wallet.id : null,
        account: leg.account,
        currency: w.currency,
        amount: leg.amount,
        depositBalanceAfter: depositAfter,
        payoutBalanceAfter: payoutAfter,
        metadata: null,
        createdAt: at,
      });
      this.entries++;
    }
    for (const wallet of new Set(p.legs.flatMap((leg) => (leg.wallet ? [leg.wallet] : [])))) wallet.postings++;
    w.lastAt = p.at;
    this.transactions++;
  }

  opening(w: WalletState, at: number, deposit: number, payout: number, createdBy: string | null): Promise<void> {
    const legs: Leg[] = [];
    if (deposit > 0) legs.push({ wallet: w, account: "deposit", amount: deposit });
    legs.push(
      { wallet: w, account: "payout", amount: payout },
      { account: "external:opening", amount: -(deposit + payout) },
    );
    return this.post({
      wallet: w,
      kind: "opening_balance",
      at,
      idempotencyKey: `seed:opening:${w.id}`,
      reference: w.id,
      description: "Opening balance",
      createdBy,
      legs,
    });
  }

  collection(
    w: WalletState,
    at: number,
    tx: { id: string; referenceId: string; amount: number; fee: number; transactionAmount: number },
  ): Promise<void> {
    return this.post({
      wallet: w,
      kind: "collection",
      at,
      idempotencyKey: `seed:${tx.id}`,
      reference: tx.id,
      description: `Collection ${tx.referenceId}`,
      legs: [
        { account: "external:customer", amount: -tx.transactionAmount },
        { wallet: w, account: "deposit", amount: tx.amount },
        { account: "external:fees", amount: tx.fee },
      ],
    });
  }

  payout(
    w: WalletState,
    at: number,
    tx: { id: string; referenceId: string; amount: number; fee: number; channel: string },
  ): Promise<void> {
    return this.post({
      wallet: w,
      kind: tx.channel === "BULK" ? "bulk_payment" : "payout",
      at,
      idempotencyKey: `seed:${tx.id}`,
      reference: tx.id,
      description: `${tx.channel === "BULK" ? "Bulk payment" : "Payout"} ${tx.referenceId}`,
      legs: [
        { wallet: w, account: "payout", amount: -(tx.amount + tx.fee) },
        { account: "external:recipient", amount: tx.amount },
        { account: "external:fees", amount: tx.fee },
      ],
    });
  }

  payoutReversal(
    w: WalletState,
    at: number,
    tx: { id: string; referenceId: string; amount: number; fee: number; status: string },
  ): Promise<void> {
    return this.post({
      wallet: w,
      kind: "payout_reversal",
      at,
      idempotencyKey: `seed:${tx.id}:reversal`,
      reference: tx.id,
      description: `Payout ${tx.referenceId} ${tx.status.toLowerCase()}: debit reversed`,
      legs: [
        { wallet: w, account: "payout", amount: tx.amount + tx.fee },
        { account: "external:recipient", amount: -tx.amount },
        { account: "external:fees", amount: -tx.fee },
      ],
    });
  }

  transfer(w: WalletState, at: number, amount: number, createdBy: string | null, note: string): Promise<void> {
    return this.post({
      wallet: w,
      kind: "transfer",
      at,
      idempotencyKey: `seed:transfer:${w.id}:${w.entries}`,
      reference: w.id,
      description: note,
      createdBy,
      legs: [
        { wallet: w, account: "deposit", amount: -amount },
        { wallet: w, account: "payout", amount },
      ],
    });
  }

  /** Writes the final balances onto the wallet rows (they were inserted at zero). */
  async writeBalances(wallets: WalletState[]): Promise<void> {
    for (const w of wallets) {
      if (!Number.isSafeInteger(w.deposit) || !Number.isSafeInteger(w.payout)) {
        throw new Error(`seed ledger: wallet ${w.id} balance is not a safe integer`);
      }
      await this.ctx.loader.execute(
        sql`update ${fiatWallets} set deposit_balance = ${w.deposit}, payout_balance = ${w.payout}, ledger_transaction_count = ${w.postings}, updated_at = ${iso(Math.max(w.lastAt, this.ctx.start))} where id = ${w.id}`,
      );
    }
  }
}
