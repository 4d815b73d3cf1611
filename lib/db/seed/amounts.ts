import { currencyExponent } from "../../markets";
import type { Rng } from "./prng";
import { CURRENCY_PLANS } from "./reference-data";

/** Typical size of one transaction of each kind, in USD (the median of a log-normal). */
export const KIND_SCALE_USD = { collection: 20, payout: 18, onramp: 45, offramp: 60 } as const;
const SIGMA = 1.15;

const pow10 = (n: number) => 10 ** n;

/** A realistic amount in minor units: log-normal in USD, converted, rounded the way people type it. */
export function drawAmount(rng: Rng, currency: string, medianUsd: number): number {
  const plan = CURRENCY_PLANS[currency];
  const exp = currencyExponent(currency);
  const usd = Math.exp(Math.log(medianUsd) + SIGMA * rng.normal());
  let major = (usd * plan.rateE4) / 1e4;
  const r = rng.next();
  let step = 1;
  if (major >= 100_000) step = r < 0.6 ? 1000 : r < 0.85 ? 500 : 100;
  else if (major >= 1_000) step = r < 0.5 ? 100 : r < 0.8 ? 50 : 10;
  else if (major >= 100) step = r < 0.5 ? 10 : r < 0.7 ? 5 : 1;
  major = Math.round(major / step) * step;
  major = Math.min(plan.max, Math.max(plan.min, major));
  let minor = major * pow10(exp);
  if (plan.cents && exp === 2 && major < 1_000 && rng.chance(0.25)) minor += rng.range(1, 99);
  return minor;
}

/** The smallest unit fees are rounded to: whole units unless the currency is quoted in cents. */
function feeUnit(currency: string): number {
  const exp = currencyExponent(currency);
  return CURRENCY_PLANS[currency].cents ? 1 : pow10(exp);
}

/** `amount × rate`, rounded to the currency's fee unit, at least one unit, within [min, max] USD when given. */
export function percentFee(
  amount: number,
  currency: string,
  rate: number,
  bounds?: { minUsd: number; maxUsd: number },
): number {
  const unit = feeUnit(currency);
  let fee = Math.round((amount * rate) / unit) * unit;
  if (bounds) {
    const exp = currencyExponent(currency);
    const perUsd = (CURRENCY_PLANS[currency].rateE4 / 1e4) * pow10(exp);
    const min = Math.max(unit, Math.round((bounds.minUsd * perUsd) / unit) * unit);
    const max = Math.round((bounds.maxUsd * perUsd) / unit) * unit;
    fee = Math.min(max, Math.max(min, fee));
  }
  return Math.max(unit, fee);
}

/** Collection fee rates (customer pays on top), per country for mobile money. */
const MOBILE_COLLECTION_RATE: Record<string, number> = {
  KE: 0.015,
  UG: 0.025,
  TZ: 0.025,
  GH: 0.02,
  NG: 0.015,
  ZA: 0.02,
  CI: 0.02,
  SN: 0.02,
  CM: 0.025,
  ZM: 0.025,
  RW: 0.025,
};

export function collectionFeeRate(country: string, channel: string): number {
  const base = MOBILE_COLLECTION_RATE[country] ?? 0.02;
  switch (channel) {
    case "CARD":
      return 0.03;
    case "BANK":
      return 0.01;
    case "PAYMENT_LINK":
      return base + 0.005;
    default:
      return base;
  }
}

/** Mean of a payout (minor units), to size opening balances. */
export function meanAmount(currency: string, medianUsd: number): number {
  const exp = currencyExponent(currency);
  return medianUsd * Math.exp((SIGMA * SIGMA) / 2) * (CURRENCY_PLANS[currency].rateE4 / 1e4) * pow10(exp);
}

/** Rounds up to two significant digits (opening balances look typed in). */
export function niceCeil(x: number): number {
  if (x <= 0) return 0;
  const mag = pow10(Math.max(0, Math.floor(Math.log10(x)) - 1));
  return Math.ceil(x / mag) * mag;
}

const BIG10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/**
 * Fiat minor units → token base units at `rateE4` (local units per USD × 10^4), for USD
 * stablecoins. Integer arithmetic throughout.
 */
export function fiatToToken(fiatMinor: number, currency: string, rateE4: number, decimals: number): string {
  const exp = currencyExponent(currency);
  return ((BigInt(fiatMinor) * BIG10[decimals + 4]) / (BigInt(rateE4) * BIG10[exp])).toString();
}
