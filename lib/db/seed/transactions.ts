import { currencyExponent, TOKEN_DECIMALS } from "../../markets";
import { transactionStatusHistory, transactions } from "../schema";
import type { TransactionKind } from "../schema/enums";
import { collectionFeeRate, drawAmount, fiatToToken, KIND_SCALE_USD, percentFee } from "./amounts";
import { iso, type SeedContext } from "./context";
import { fakeAddress, fakeTxHash } from "./crypto";
import type { CustomerPool, SeedCustomer } from "./customers";
import type { SeedLedger, WalletState } from "./ledger";
import { DAY_MS, HISTORY_DAYS, type MarketPlan } from "./plan";
import { Weighted, type Rng } from "./prng";
import {
  BANKS,
  CRYPTO_PAIRS,
  CURRENCY_PLANS,
  HOURLY_PROFILE,
  PHONE_PLANS,
  PROVIDERS,
  SANDBOX_SCENARIOS,
  WALLET_INSUFFICIENT,
  type SeedError,
} from "./reference-data";
import {
  drawStatus,
  errorFor,
  FAILURE,
  MOBILE_CHANNELS,
  PAYOUT_REVERSED_BY,
  TERMINAL,
  timeline,
  type Step,
} from "./status";

/** One market of one environment while generating. */
export interface MarketRuntime {
  plan: MarketPlan;
  wallet: WalletState;
  pool: CustomerPool;
  /** Transactions per day index (0 = oldest). */
  dayCounts: number[];
}

export interface GenerationInput {
  ctx: SeedContext;
  rng: Rng;
  integratorId: string;
  callbackUrl: string;
  markets: MarketRuntime[];
  ledger: SeedLedger;
  /** Who makes the manual transfers (the Finance user, else the Owner). */
  transferUserId: string | null;
}

interface GenTx {
  seq: number;
  m: MarketRuntime;
  kind: TransactionKind;
  channel: string;
  createdAt: number;
  status: string;
  path: Step[];
  customer: SeedCustomer | null;
  network: string | null;
  phone: string | null;
  amount: number;
  fee: number;
  transactionAmount: number;
  error: SeedError | null;
  provider: string | null;
  chain: string | null;
  token: string | null;
  cryptoAmount: string | null;
  cryptoAddress: string | null;
  rate: string | null;
  metadata: Record<string, unknown> | null;
  /** Onramp only: which leg failed. */
  cryptoLegFailed: boolean;
  id: string;
  referenceId: string;
  referenceNumber: number;
  /** Fields that depend on where the timeline ended (set by `settle`). */
  extra: TxExtra;
}

interface TxExtra {
  providerReference: string | null;
  telcoId: string | null;
  depositStatus: string | null;
  onchainStatus: string | null;
  txHash: string | null;
  refundStatus: string | null;
  refundTxHash: string | null;
  callbackUrl: string | null;
  callbackStatus: number | null;
}

type Ev =
  | { type: "payout" | "reverse" | "credit"; at: number; seq: number; tx: GenTx }
  | { type: "transfer"; at: number; seq: number; wallet: WalletState };

const KIND_MIX = new Weighted<TransactionKind>([
  ["collection", 50],
  ["payout", 30],
  ["onramp", 10],
  ["offramp", 10],
]);
const PAIRS = new Weighted(CRYPTO_PAIRS);
const HOURS = new Weighted(HOURLY_PROFILE.map((w, h) => [h, w] as const));
const BULK_NAMES = [
  "Weekly agent commissions",
  "Staff salaries",
  "Supplier payments",
  "Farmer payouts",
  "Rider earnings",
  "Customer refunds",
];
const LINK_NAMES = [
  "Invoice payment",
  "School fees",
  "Event tickets",
  "Monthly subscription",
  "Donation",
  "Order checkout",
];

const channelTables = new Map<string, Weighted<string>>();
function drawChannel(rng: Rng, kind: TransactionKind, country: string): string {
  const key = `${kind}:${country}`;
  let t = channelTables.get(key);
  if (!t) {
    const bank = country === "KE" || country === "ZA" || country === "NG";
    const bankPayout = country === "KE" || country === "ZA";
    const mpesa = country === "KE";
    const entries: [string, number][] =
      kind === "collection"
        ? [
            ["MOBILE_MONEY", 82],
            ["PAYMENT_LINK", 8],
            ["BANK", bank ? 6 : 0],
            ["CARD", country === "ZA" || country === "KE" ? 4 : 0],
          ]
        : kind === "payout"
          ? [
              ["MOBILE_MONEY", 72],
              ["BULK", 8],
              ["BANK", bankPayout ? 10 : 0],
              ["LIPA_NA_MPESA", mpesa ? 5 : 0],
              ["PAYBILL", mpesa ? 5 : 0],
            ]
          : kind === "onramp"
            ? [
                ["MOBILE_MONEY", 90],
                ["BANK", bank ? 10 : 0],
              ]
            : [
                ["MOBILE_MONEY", 88],
                ["BANK", bankPayout ? 8 : 0],
                ["LIPA_NA_MPESA", mpesa ? 2 : 0],
                ["PAYBILL", mpesa ? 2 : 0],
              ];
    t = new Weighted(entries.filter(([, w]) => w > 0));
    channelTables.set(key, t);
  }
  return t.draw(rng);
}

export class TransactionGenerator {
  private seq = 0;
  private evSeq = 0;
  private referenceNumber: number;
  private readonly refIds = new Map<string, Set<string>>();
  /** Daily rate drift per currency (local units per USD × 10^4), by day index. */
  private readonly rates = new Map<string, number[]>();
  stats = { transactions: 0, history: 0, insufficient: 0, autoTransfers: 0, transfers: 0 };

  constructor(private readonly input: GenerationInput) {
    this.referenceNumber = 10_000_000 + input.rng.int(4_000_000);
  }

  async run(): Promise<void> {
    const { ctx, markets } = this.input;
    let carried: Ev[] = [];
    for (let d = 0; d < HISTORY_DAYS; d++) {
      const dayStart = ctx.start + d * DAY_MS;
      const dayEnd = Math.min(dayStart + DAY_MS, ctx.now);
      const txs: GenTx[] = [];
      for (const m of markets) {
        for (let i = 0; i < m.dayCounts[d]; i++) txs.push(this.makeTx(m, d, this.timeInDay(m, dayStart, dayEnd)));
      }
      txs.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
      const events = carried;
      for (const tx of txs) {
        this.identify(tx);
        this.queueEvents(tx, events);
      }
      this.queueTransfers(dayStart, events);
      events.sort((a, b) => a.at - b.at || a.seq - b.seq);
      let i = 0;
      for (; i < events.length && events[i].at < dayEnd; i++) await this.apply(events[i]);
      carried = events.slice(i);
      for (const tx of txs) await this.emit(tx);
    }
    for (const ev of carried) await this.apply(ev);
  }

  // ---------------------------------------------------------------- generation

  private timeInDay(m: MarketRuntime, dayStart: number, dayEnd: number): number {
    const { rng } = this.input;
    const offset = PHONE_PLANS[m.plan.country].utcOffset;
    const localHour = HOURS.draw(rng);
    const utcHour = (localHour - offset + 24) % 24;
    const t = dayStart + utcHour * 3_600_000 + rng.int(3_600_000);
    // The last day ends at `now`; squeeze its times into the part that has happened.
    return t < dayEnd ? t : dayStart + Math.floor(((t - dayStart) / DAY_MS) * (dayEnd - dayStart - 1));
  }

  private rateFor(currency: string, day: number): number {
    let r = this.rates.get(currency);
    if (!r) {
      const base = CURRENCY_PLANS[currency].rateE4;
      const phase = this.input.rng.next() * 6;
      r = Array.from({ length: HISTORY_DAYS }, (_, d) => Math.round(base * (1 + 0.025 * Math.sin(phase + d / 11))));
      this.rates.set(currency, r);
    }
    return r[day];
  }

  private makeTx(m: MarketRuntime, day: number, createdAt: number): GenTx {
    const { rng, ctx } = this.input;
    const { country, currency } = m.plan;
    const kind = KIND_MIX.draw(rng);
    let channel = drawChannel(rng, kind, country);
    let customer: SeedCustomer | null = null;
    if (channel === "BANK" && kind !== "collection") {
      customer = m.pool.pickWithBank(rng, createdAt);
      if (!customer) channel = "MOBILE_MONEY";
    }
    if (!customer && channel !== "LIPA_NA_MPESA" && channel !== "PAYBILL") {
      customer =
        m.pool.magic.length > 0 &&
        channel === "MOBILE_MONEY" &&
        kind !== "onramp" &&
        kind !== "offramp" &&
        rng.chance(0.02)
          ? rng.pick(m.pool.magic)
          : m.pool.pick(rng, createdAt);
    }

    const tx: GenTx = {
      seq: this.seq++,
      m,
      kind,
      channel,
      createdAt,
      status: "PENDING",
      path: [],
      customer,
      network: null,
      phone: customer?.phone ?? null,
      amount: drawAmount(rng, currency, KIND_SCALE_USD[kind]),
      fee: 0,
      transactionAmount: 0,
      error: null,
      provider: null,
      chain: null,
      token: null,
      cryptoAmount: null,
      cryptoAddress: null,
      rate: null,
      metadata: null,
      cryptoLegFailed: false,
      id: "",
      referenceId: "",
      referenceNumber: 0,
      extra: null as unknown as TxExtra,
    };

    // Network, provider and channel details.
    switch (channel) {
      case "BANK": {
        const bank = customer?.bank ?? { ...rng.pick(BANKS[country]), accountNumber: rng.digits(10) };
        tx.network = "BKTRX";
        tx.provider = bank.provider;
        tx.metadata =
          kind === "collection" || kind === "onramp"
            ? { paymentMethod: "PAYBYBANK", bankName: bank.name }
            : {
                bankName: bank.name,
                bankCode: bank.code,
                accountNumber: bank.accountNumber,
                accountName: `${customer!.firstName} ${customer!.lastName}`.toUpperCase(),
              };
        break;
      }
      case "CARD":
        tx.network = "CRDTRX";
        tx.provider = "CARD_ACQUIRER";
        tx.metadata = {
          paymentMethod: "CARD",
          paymentBrand: rng.chance(0.6) ? "VISA" : "MASTERCARD",
          cardLast4: rng.digits(4),
        };
        break;
      case "LIPA_NA_MPESA":
        tx.network = "MPESA";
        tx.provider = "MPESA";
        tx.metadata = { businessShortcode: rng.digits(rng.range(5, 7)), accountReference: rng.upperAlnum(8) };
        break;
      case "PAYBILL":
        tx.network = "MPESA";
        tx.provider = "MPESA";
        tx.metadata = { paybillNumber: rng.digits(6), accountNumber: rng.upperAlnum(rng.range(6, 10)) };
        break;
      default:
        tx.network = customer!.network;
        tx.provider = PROVIDERS[customer!.network] ?? customer!.network;
        if (channel === "BULK") tx.metadata = { bulkPayment: rng.pick(BULK_NAMES) };
        if (channel === "PAYMENT_LINK") tx.metadata = { paymentLink: rng.pick(LINK_NAMES) };
    }

    // Fees (domain reference §3.6–3.9).
    if (kind === "collection") {
      tx.fee = percentFee(tx.amount, currency, collectionFeeRate(country, channel));
      tx.transactionAmount = tx.amount + tx.fee;
    } else if (kind === "payout") {
      tx.fee = percentFee(tx.amount, currency, channel === "BANK" ? 0.008 : 0.01, {
        minUsd: channel === "BANK" ? 0.4 : 0.08,
        maxUsd: 2.5,
      });
      tx.transactionAmount = tx.amount;
    } else {
      const pair = PAIRS.draw(rng);
      const rateE4 = this.rateFor(currency, day);
      const decimals = TOKEN_DECIMALS[pair.token];
      tx.chain = pair.chain;
      tx.token = pair.token;
      tx.cryptoAddress = fakeAddress(rng, pair.chain);
      if (kind === "onramp") {
        tx.fee = percentFee(tx.amount, currency, 0.015);
        tx.transactionAmount = tx.amount + tx.fee;
        const quoted = Math.round(rateE4 * 1.01);
        tx.rate = (quoted / 1e4).toFixed(2);
        tx.cryptoAmount = fiatToToken(tx.amount, currency, quoted, decimals);
      } else {
        tx.fee = percentFee(tx.amount, currency, 0.01);
        tx.transactionAmount = tx.amount;
        const quoted = Math.round(rateE4 * 0.99);
        tx.rate = (quoted / 1e4).toFixed(2);
        tx.cryptoAmount = fiatToToken(tx.amount + tx.fee, currency, quoted, decimals);
      }
    }

    // Status, its timeline, then everything that depends on where the timeline ended.
    const scenario = customer?.scenario != null ? SANDBOX_SCENARIOS[customer.scenario] : null;
    const age = ctx.now - createdAt;
    if (scenario) {
      tx.status = scenario.outcome;
      tx.error = scenario.error ?? null;
    } else {
      tx.status = drawStatus(rng, kind, age);
    }
    if (!tx.error && FAILURE.has(tx.status)) tx.error = errorFor(rng, tx);
    tx.path = timeline(rng, tx, scenario?.suffix === "700000021");
    this.settle(tx);
    return tx;
  }

  /** Cuts the timeline at `now` and derives the fields that depend on the final status. */
  private settle(tx: GenTx): void {
    const { rng, ctx, callbackUrl } = this.input;
    const limit = ctx.now - 1000;
    while (tx.path.length > 1 && tx.path[tx.path.length - 1].at > limit) tx.path.pop();
    const last = tx.path[tx.path.length - 1];
    tx.status = last.status;
    if (!FAILURE.has(tx.status)) tx.error = null;
    const has = (status: string) => tx.path.some((p) => p.status === status);

    if (tx.kind === "collection" && FAILURE.has(tx.status)) {
      // A failed deposit reports 0/0 (domain reference §3.6).
      tx.fee = 0;
      tx.transactionAmount = 0;
    }
    const reached = tx.path.length > 1;
    const mobile = MOBILE_CHANNELS.has(tx.channel) || tx.channel === "LIPA_NA_MPESA" || tx.channel === "PAYBILL";
    const extra: TxExtra = {
      providerReference: reached ? this.providerReference(tx) : null,
      telcoId: null,
      depositStatus: null,
      onchainStatus: null,
      txHash: null,
      refundStatus: null,
      refundTxHash: null,
      callbackUrl: rng.chance(0.85) ? callbackUrl : null,
      callbackStatus: null,
    };
    if (extra.callbackUrl && TERMINAL.has(tx.status)) {
      const r = rng.next();
      extra.callbackStatus = r < 0.97 ? 0 : r < 0.99 ? -1 : -2;
    }
    if (tx.kind === "collection" || tx.kind === "payout") {
      if (mobile && has("SUCCESSFUL")) extra.telcoId = rng.upperAlnum(10);
    } else if (tx.kind === "onramp") {
      const fiatIn = has("IN_PROGRESS") || tx.status === "SUCCESSFUL";
      extra.depositStatus = fiatIn ? "SUCCESSFUL" : tx.status === "PENDING" ? "PENDING" : tx.status;
      extra.onchainStatus =
        tx.status === "SUCCESSFUL"
          ? "SUCCESSFUL"
          : tx.status === "IN_PROGRESS"
            ? "IN_PROGRESS"
            : tx.status === "PENDING"
              ? "PENDING"
              : fiatIn
                ? "FAILED"
                : "CANCELLED";
      if (fiatIn && mobile) extra.telcoId = rng.upperAlnum(10);
      if (tx.status === "SUCCESSFUL") extra.txHash = fakeTxHash(rng, tx.chain!);
    } else {
      const received = has("CRYPTO_RECEIVED");
      extra.onchainStatus = received ? "SUCCESSFUL" : tx.status === "FAILED" ? "FAILED" : tx.status;
      if (received) extra.txHash = fakeTxHash(rng, tx.chain!);
      if (tx.status === "SUCCESSFUL" && mobile) extra.telcoId = rng.upperAlnum(10);
      if (tx.status === "REVERSED" || tx.status === "REFUNDED") {
        extra.refundStatus = "SUCCESSFUL";
        extra.refundTxHash = fakeTxHash(rng, tx.chain!);
      } else if (tx.status === "REFUND_FAILED") extra.refundStatus = "FAILED";
      else if (tx.status === "REFUND_PENDING") extra.refundStatus = "PENDING";
    }
    if (tx.rate) tx.metadata = { ...(tx.metadata ?? {}), rate: tx.rate };
    if (tx.kind === "offramp") tx.metadata = { ...(tx.metadata ?? {}), escrowAddress: fakeAddress(rng, tx.chain!) };
    tx.extra = extra;
  }

  private providerReference(tx: GenTx): string {
    const { rng } = this.input;
    if (tx.provider === "MPESA") {
      if (tx.kind === "collection") return `ws_CO_${rng.digits(18)}`;
      const d = new Date(tx.createdAt);
      return `AG_${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}_${rng.hex(20)}`;
    }
    if (tx.channel === "BANK") return `${tx.provider?.slice(0, 3) ?? "BNK"}${rng.digits(12)}`;
    return rng.upperAlnum(16);
  }

  /** Ids and references, assigned in creation order so they grow with time. */
  private identify(tx: GenTx): void {
    const { ctx, rng } = this.input;
    tx.id = ctx.ids.next(tx.createdAt);
    const scope = `${tx.m.plan.environment}:${tx.kind}`;
    let used = this.refIds.get(scope);
    if (!used) this.refIds.set(scope, (used = new Set()));
    let ref = rng.upperAlnum(8);
    while (used.has(ref)) ref = rng.upperAlnum(8);
    used.add(ref);
    tx.referenceId = ref;
    this.referenceNumber += 1 + rng.int(3);
    tx.referenceNumber = this.referenceNumber;
  }

  // ---------------------------------------------------------------- ledger

  private queueEvents(tx: GenTx, events: Ev[]): void {
    if (tx.kind === "collection" && tx.status === "SUCCESSFUL") {
      events.push({ type: "credit", at: tx.path[tx.path.length - 1].at, seq: this.evSeq++, tx });
    } else if (tx.kind === "payout" && tx.error?.code !== "INSUFFICIENT_FUNDS") {
      events.push({ type: "payout", at: tx.createdAt, seq: this.evSeq++, tx });
      if (PAYOUT_REVERSED_BY.has(tx.status))
        events.push({ type: "reverse", at: tx.path[tx.path.length - 1].at, seq: this.evSeq++, tx });
    }
  }

  /** Now and then the Finance user moves most of the deposit balance to the payout balance. */
  private queueTransfers(dayStart: number, events: Ev[]): void {
    const { rng, markets, ctx } = this.input;
    for (const m of markets) {
      if (!rng.chance(0.12)) continue;
      const offset = PHONE_PLANS[m.plan.country].utcOffset;
      const at = dayStart + ((rng.range(9, 16) - offset + 24) % 24) * 3_600_000 + rng.int(3_600_000);
      if (at < ctx.now - 1000) events.push({ type: "transfer", at, seq: this.evSeq++, wallet: m.wallet });
    }
  }

  private async apply(ev: Ev): Promise<void> {
    const { ledger, rng, transferUserId } = this.input;
    if (ev.type === "transfer") {
      const w = ev.wallet;
      const unit = 10 ** currencyExponent(w.currency);
      const amount = Math.floor((w.deposit * (0.5 + 0.5 * rng.next())) / unit) * unit;
      if (amount > 0) {
        await ledger.transfer(w, ev.at, amount, transferUserId, "Transfer deposit balance to payout balance");
        this.stats.transfers++;
      }
      return;
    }
    const tx = ev.tx;
    const w = tx.m.wallet;
    if (ev.type === "credit") return ledger.collection(w, ev.at, tx);
    if (ev.type === "reverse") {
      if (tx.error?.code === "INSUFFICIENT_FUNDS") return; // refused at creation: nothing to reverse
      return ledger.payoutReversal(w, ev.at, tx);
    }
    // A payout debits the payout balance when it is created.
    const need = tx.amount + tx.fee;
    if (w.payout < need && w.deposit >= need - w.payout) {
      // The integrator tops up from the deposit balance (the modal's "entire deposit balance").
      const at = Math.max(w.lastAt, tx.createdAt - rng.range(60_000, 900_000));
      await ledger.transfer(w, at, w.deposit, transferUserId, "Transfer entire deposit balance to payout balance");
      this.stats.autoTransfers++;
    }
    if (w.payout < need) {
      // Not enough money: the payout is refused with nothing debited.
      tx.error = WALLET_INSUFFICIENT;
      tx.status = "FAILED";
      tx.path = [
        tx.path[0],
        { status: "FAILED", at: tx.createdAt + 1000 + rng.int(1000), note: WALLET_INSUFFICIENT.message },
      ];
      const extra = tx.extra;
      extra.telcoId = null;
      extra.providerReference = null;
      extra.callbackStatus = extra.callbackUrl ? 0 : null;
      this.stats.insufficient++;
      return;
    }
    return ledger.payout(w, tx.createdAt, tx);
  }

  // ---------------------------------------------------------------- rows

  private async emit(tx: GenTx): Promise<void> {
    const { loader } = this.input.ctx;
    const extra = tx.extra;
    const last = tx.path[tx.path.length - 1];
    const m = tx.m;
    await loader.push(transactions, {
      id: tx.id,
      integratorId: this.input.integratorId,
      environment: m.plan.environment,
      kind: tx.kind,
      channel: tx.channel,
      referenceId: tx.referenceId,
      referenceNumber: tx.referenceNumber,
      status: tx.status,
      country: m.plan.country,
      currency: m.plan.currency,
      network: tx.network,
      phoneNumber: tx.phone,
      customerId: tx.customer?.id ?? null,
      walletId: m.wallet.id,
      amount: tx.amount,
      transactionAmount: tx.transactionAmount,
      fee: tx.fee,
      provider: tx.provider,
      providerReference: extra.providerReference,
      telcoId: extra.telcoId,
      errorCode: tx.error?.code ?? null,
      errorMessage: tx.error?.message ?? null,
      callbackUrl: extra.callbackUrl,
      callbackStatus: extra.callbackStatus,
      chain: tx.chain,
      token: tx.token,
      cryptoAmount: tx.cryptoAmount,
      cryptoAddress: tx.cryptoAddress,
      txHash: extra.txHash,
      depositStatus: extra.depositStatus,
      onchainStatus: extra.onchainStatus,
      refundStatus: extra.refundStatus,
      refundTxHash: extra.refundTxHash,
      paymentLinkId: null,
      bulkItemId: null,
      metadata: tx.metadata,
      createdAt: iso(tx.createdAt),
      completedAt: TERMINAL.has(tx.status) ? iso(last.at) : null,
      updatedAt: iso(last.at),
    });
    for (const step of tx.path) {
      await loader.push(transactionStatusHistory, {
        transactionId: tx.id,
        status: step.status,
        note: step.note,
        createdAt: iso(step.at),
      });
    }
    this.stats.transactions++;
    this.stats.history += tx.path.length;
  }
}
