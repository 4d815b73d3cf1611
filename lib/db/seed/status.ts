import type { TransactionKind } from "../schema/enums";
import { DAY_MS } from "./plan";
import { Weighted, type Rng } from "./prng";
import {
  CRYPTO_NOT_RECEIVED,
  CRYPTO_TRANSFER_FAILED,
  FAILURE_ERRORS,
  WALLET_INSUFFICIENT,
  type SeedError,
} from "./reference-data";

/**
 * Statuses of the demo transactions: the mix, the error of a failure, and the timeline of
 * status changes (what `transaction_status_history` records), per kind and channel
 * (domain reference §3.6–3.9, §6).
 */

export type Step = { status: string; at: number; note: string | null };

/** What the status model needs to know about a transaction. */
export interface StatusInput {
  kind: TransactionKind;
  channel: string;
  createdAt: number;
  status: string;
  error: SeedError | null;
  provider: string | null;
  /** Onramp: the crypto leg failed after the fiat was collected. */
  cryptoLegFailed: boolean;
}

export const TERMINAL = new Set([
  "SUCCESSFUL",
  "FAILED",
  "EXPIRED",
  "CANCELLED",
  "DECLINED",
  "REVERSED",
  "REFUNDED",
  "REFUND_FAILED",
]);
export const FAILURE = new Set([
  "FAILED",
  "EXPIRED",
  "CANCELLED",
  "DECLINED",
  "REVERSED",
  "REFUNDED",
  "REFUND_FAILED",
  "REFUND_PENDING",
]);
export const PAYOUT_REVERSED_BY = new Set(["FAILED", "EXPIRED", "CANCELLED", "DECLINED", "REVERSED"]);
export const MOBILE_CHANNELS = new Set(["MOBILE_MONEY", "PAYMENT_LINK", "BULK"]);

/** Status mix of transactions older than a day (weights out of 1000). */
// prettier-ignore
export const BASE_STATUS: Record<TransactionKind, Weighted<string>> = {
  collection: new Weighted([
    ["SUCCESSFUL", 812], ["FAILED", 100], ["PENDING", 22], ["INITIATED", 12], ["IN_PROGRESS", 9], ["EXPIRED", 25], ["CANCELLED", 15], ["DECLINED", 5],
  ]),
  payout: new Weighted([
    ["SUCCESSFUL", 810], ["FAILED", 100], ["PENDING", 18], ["INITIATED", 10], ["IN_PROGRESS", 14], ["CANCELLED", 10], ["REVERSED", 12],
    ["EXPIRED", 8], ["DECLINED", 8], ["DUPLICATE_PENDING", 10],
  ]),
  onramp: new Weighted([["SUCCESSFUL", 815], ["FAILED", 100], ["PENDING", 25], ["IN_PROGRESS", 20], ["EXPIRED", 25], ["CANCELLED", 15]]),
  offramp: new Weighted([
    ["SUCCESSFUL", 800], ["REVERSED", 35], ["REFUNDED", 15], ["REFUND_FAILED", 10], ["REFUND_PENDING", 8], ["FAILED", 22], ["PENDING", 25],
    ["CRYPTO_RECEIVED", 12], ["IN_PROGRESS", 18], ["EXPIRED", 35], ["CANCELLED", 20],
  ]),
};
// prettier-ignore
export const IN_FLIGHT: Record<TransactionKind, Weighted<string>> = {
  collection: new Weighted([["PENDING", 4], ["INITIATED", 4], ["IN_PROGRESS", 2]]),
  payout: new Weighted([["PENDING", 3], ["INITIATED", 3], ["IN_PROGRESS", 4]]),
  onramp: new Weighted([["PENDING", 5], ["IN_PROGRESS", 5]]),
  offramp: new Weighted([["PENDING", 5], ["CRYPTO_RECEIVED", 2], ["IN_PROGRESS", 3]]),
};
const COLLECTION_ERRORS = new Weighted<SeedError>(
  FAILURE_ERRORS.map((e) => [e, e.code === "ACCOUNT_NOT_FOUND" || e.code === "LIMIT_EXCEEDED" ? 15 : 35]),
);
const PAYOUT_ERRORS = new Weighted<SeedError>([
  [FAILURE_ERRORS.find((e) => e.code === "ACCOUNT_NOT_FOUND")!, 50],
  [FAILURE_ERRORS.find((e) => e.code === "LIMIT_EXCEEDED")!, 30],
  [WALLET_INSUFFICIENT, 20],
]);
const OFFRAMP_FIAT_ERRORS = new Weighted<SeedError>([
  [FAILURE_ERRORS.find((e) => e.code === "ACCOUNT_NOT_FOUND")!, 60],
  [FAILURE_ERRORS.find((e) => e.code === "LIMIT_EXCEEDED")!, 40],
]);
/** A status for a transaction `age` ms old: recent ones are often still in flight. */
export function drawStatus(rng: Rng, kind: TransactionKind, age: number): string {
  if (age < 2 * 3_600_000 ? rng.chance(0.35) : age < DAY_MS && rng.chance(0.08)) return IN_FLIGHT[kind].draw(rng);
  return BASE_STATUS[kind].draw(rng);
}

/** The error a transaction ending in a failure status reports (sandbox scenario errors where they fit). */
export function errorFor(rng: Rng, tx: StatusInput): SeedError {
  switch (tx.status) {
    case "EXPIRED":
      return tx.kind === "offramp"
        ? { code: "EXPIRED", message: "No crypto deposit received before the quote expired" }
        : { code: "EXPIRED", message: "The customer did not complete the payment in time" };
    case "CANCELLED":
      return { code: "CANCELLED", message: tx.kind === "payout" ? "Cancelled before processing" : "Request cancelled" };
    case "DECLINED":
      return { code: "DECLINED", message: "Declined by the provider" };
    case "REVERSED":
      if (tx.kind === "payout")
        return {
          code: "REVERSED_BY_PROVIDER",
          message: "Reversed by the provider; funds returned to the payout balance",
        };
      return OFFRAMP_FIAT_ERRORS.draw(rng);
    default:
      if (tx.kind === "collection") return COLLECTION_ERRORS.draw(rng);
      if (tx.kind === "payout") return PAYOUT_ERRORS.draw(rng);
      if (tx.kind === "onramp") {
        tx.cryptoLegFailed = rng.chance(0.4);
        return tx.cryptoLegFailed ? CRYPTO_TRANSFER_FAILED : COLLECTION_ERRORS.draw(rng);
      }
      return tx.status === "FAILED" ? CRYPTO_NOT_RECEIVED : OFFRAMP_FIAT_ERRORS.draw(rng);
  }
}

/** The status changes with their times. Durations follow the channel (an STK push takes seconds, a bank transfer minutes). */
export function timeline(rng: Rng, tx: StatusInput, slow: boolean): Step[] {
  const c0 = tx.createdAt;
  const s = tx.status;
  const path: Step[] = [];
  const add = (status: string, at: number, note: string | null) =>
    path.push({ status, at: Math.max(at, path.length ? path[path.length - 1].at + 1 : at), note });
  const sec = (a: number, b: number) => rng.range(a * 1000, b * 1000);
  const errNote = tx.error?.message ?? null;
  const provider = tx.provider ?? "provider";

  if (tx.kind === "collection") {
    add("PENDING", c0, "Deposit request received");
    if (s === "PENDING") return path;
    const prompt =
      tx.channel === "BANK"
        ? "Bank payment details issued"
        : tx.channel === "CARD"
          ? "Awaiting card authentication"
          : "Payment prompt sent to customer";
    const t1 = c0 + sec(1, 4);
    add("INITIATED", t1, prompt);
    if (s === "INITIATED") return path;
    const slowChannel = tx.channel === "BANK";
    let done: number;
    if (s === "SUCCESSFUL")
      done =
        t1 +
        (slow
          ? sec(58, 64)
          : slowChannel
            ? sec(120, 2700)
            : tx.channel === "PAYMENT_LINK"
              ? sec(40, 600)
              : tx.channel === "CARD"
                ? sec(25, 150)
                : sec(8, 90));
    else if (s === "EXPIRED") done = t1 + (slowChannel ? 3_600_000 : 1_800_000) + sec(0, 60);
    else if (s === "DECLINED") done = t1 + sec(3, 20);
    else done = t1 + (slowChannel ? sec(300, 3600) : sec(5, 60));
    if (s === "IN_PROGRESS" || slowChannel || tx.channel === "CARD" || rng.chance(0.35))
      add("IN_PROGRESS", t1 + Math.floor((done - t1) * 0.3), "Awaiting provider confirmation");
    if (s === "IN_PROGRESS") return path;
    add(s, done, s === "SUCCESSFUL" ? `Confirmed by ${provider}` : errNote);
    return path;
  }

  if (tx.kind === "payout") {
    add("PENDING", c0, "Payout request received");
    if (s === "DUPLICATE_PENDING") {
      add("DUPLICATE_PENDING", c0 + sec(1, 2), "Held: same recipient and amount as a recent payout");
      return path;
    }
    if (tx.error?.code === "INSUFFICIENT_FUNDS") {
      add("FAILED", c0 + sec(1, 2), tx.error.message);
      return path;
    }
    if (s === "PENDING") return path;
    const t1 = c0 + sec(1, 3);
    add("INITIATED", t1, `Sent to ${provider}`);
    if (s === "INITIATED") return path;
    const slowChannel = tx.channel === "BANK";
    let done: number;
    if (s === "SUCCESSFUL" || s === "REVERSED")
      done = t1 + (slowChannel ? sec(120, 5400) : tx.channel === "BULK" ? sec(5, 180) : sec(4, 45));
    else if (s === "EXPIRED") done = t1 + 1_800_000 + sec(0, 60);
    else if (s === "CANCELLED") done = t1 + sec(300, 7200);
    else if (s === "DECLINED") done = t1 + sec(2, 10);
    else done = t1 + (slowChannel ? sec(300, 3600) : sec(3, 30));
    if (s === "IN_PROGRESS" || slowChannel || rng.chance(0.5))
      add("IN_PROGRESS", t1 + Math.floor((done - t1) * 0.3), "Processing");
    if (s === "IN_PROGRESS") return path;
    if (s === "REVERSED") {
      add("SUCCESSFUL", done, `Confirmed by ${provider}`);
      add("REVERSED", done + sec(7200, 3 * 86_400), errNote);
      return path;
    }
    add(s, done, s === "SUCCESSFUL" ? `Confirmed by ${provider}` : errNote);
    return path;
  }

  if (tx.kind === "onramp") {
    add("PENDING", c0, "Onramp request received");
    if (s === "PENDING") return path;
    if (s === "EXPIRED") {
      add("EXPIRED", c0 + 1_800_000 + sec(0, 60), errNote);
      return path;
    }
    if (s === "CANCELLED") {
      add("CANCELLED", c0 + sec(10, 120), errNote);
      return path;
    }
    if (s === "FAILED" && !tx.cryptoLegFailed) {
      add("FAILED", c0 + sec(10, 60), errNote);
      return path;
    }
    const fiatIn = c0 + sec(10, 90);
    add("IN_PROGRESS", fiatIn, "Fiat received; sending crypto");
    if (s === "IN_PROGRESS") return path;
    add(s, fiatIn + sec(8, 120), s === "SUCCESSFUL" ? "Crypto delivered to the receiver address" : errNote);
    return path;
  }

  // offramp
  add("PENDING", c0, "Waiting for the crypto deposit");
  if (s === "PENDING") return path;
  if (s === "EXPIRED") {
    add("EXPIRED", c0 + 1_800_000 + sec(0, 60), errNote);
    return path;
  }
  if (s === "CANCELLED") {
    add("CANCELLED", c0 + sec(60, 1200), errNote);
    return path;
  }
  if (s === "FAILED") {
    add("FAILED", c0 + sec(900, 3600), errNote);
    return path;
  }
  const received = c0 + sec(60, 900);
  add("CRYPTO_RECEIVED", received, "Crypto deposit confirmed on-chain");
  if (s === "CRYPTO_RECEIVED") return path;
  const sending = received + sec(2, 10);
  add("IN_PROGRESS", sending, "Sending fiat to the receiver");
  if (s === "IN_PROGRESS") return path;
  const fiatDone = sending + sec(3, 45);
  if (s === "SUCCESSFUL") {
    add("SUCCESSFUL", fiatDone, `Confirmed by ${provider}`);
    return path;
  }
  add("FAILED", fiatDone, errNote);
  const refundStart = fiatDone + 300_000 + sec(0, 30);
  add("REFUND_PENDING", refundStart, "Refund of the crypto deposit scheduled");
  if (s === "REFUND_PENDING") return path;
  if (s === "REFUND_FAILED") add("REFUND_FAILED", refundStart + sec(600, 3600), "Refund failed after 5 attempts");
  else add(s, refundStart + sec(60, 600), "Crypto refunded to the sender address");
  return path;
}
