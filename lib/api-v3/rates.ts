/**
 * Exchange rates (§3.14 `GET /rate/{from}/{to}` → `{from, to, value}`, value a decimal string:
 * units of `to` one `from` buys). There is no rate provider: these are fixed sandbox rates, one per
 * currency against USD (every currency of lib/markets.ts, and the stablecoins at par), crossed
 * through USD. Pure.
 */
import { NotFoundError } from "@/lib/auth/errors";
import { CURRENCIES } from "@/lib/markets";
import { MESSAGES, type RateResponse } from "./schemas";

/** Units of each currency one US dollar buys. */
export const USD_RATES: Readonly<Record<string, number>> = {
  USD: 1,
  KES: 129.2,
  UGX: 3700,
  TZS: 2600,
  GHS: 15.5,
  NGN: 1550,
  ZAR: 18.2,
  XOF: 600,
  XAF: 600,
  ZMW: 27,
  RWF: 1400,
  CDF: 2850,
  MWK: 1735,
  ETB: 125,
  EGP: 49,
  USDT: 1,
  USDC: 1,
  CUSD: 1,
};

// Every fiat currency we hold wallets in has a rate (a new one in lib/markets.ts must be added here).
for (const code of Object.keys(CURRENCIES)) {
  if (!(code in USD_RATES)) throw new Error(`rates.ts: no sandbox rate for ${code}`);
}

/** A positive rate with 6 significant digits, in plain decimal notation, without trailing zeros ("129.2", "0.00773994"). */
export function formatRate(value: number): string {
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`formatRate: ${value}`);
  const decimals = Math.min(20, Math.max(0, 5 - Math.floor(Math.log10(value))));
  const fixed = value.toFixed(decimals);
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}

/** The rate from → to (codes in any case), or NotFoundError("Rate not found") for a currency without one. */
export function sandboxRate(from: string, to: string): RateResponse {
  const f = from.toUpperCase();
  const t = to.toUpperCase();
  const perUsdFrom = USD_RATES[f];
  const perUsdTo = USD_RATES[t];
  if (perUsdFrom === undefined || perUsdTo === undefined) throw new NotFoundError(MESSAGES.rateNotFound);
  return { from: f, to: t, value: formatRate(perUsdTo / perUsdFrom) };
}
