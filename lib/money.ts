import { CURRENCIES, currencyExponent } from "./markets";

/**
 * Money is integer minor units (bigint) everywhere; these helpers are the only place that
 * converts between minor units and what a person types or reads. No floats ever touch an amount.
 */

export type MinorUnits = bigint;

/** Largest amount accepted from a person (10^15 minor units): far above any real transfer, far below bigint limits. */
export const MAX_MINOR_UNITS = 10n ** 15n;

const THOUSANDS_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

export type ParseAmountResult = { ok: true; minor: bigint } | { ok: false; error: string };

/**
 * Parses a typed decimal amount ("1,000.50", "1000") into minor units of `currency`.
 * Refuses: empty, signs, exponents, non-ASCII digits, commas that are not thousands
 * separators, more decimals than the currency has,
 * zero or less, above MAX_MINOR_UNITS.
 */
export function parseAmount(input: string, currency: string): ParseAmountResult {
  const exponent = currencyExponent(currency);
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, error: "Enter an amount" };
  // Commas only as thousands separators: "1,00" must never be read as 100.
  if (trimmed.includes(",") && !THOUSANDS_GROUPED.test(trimmed)) {
    return { ok: false, error: "Use a dot for decimals and commas only between thousands, like 1,000.50" };
  }
  const text = trimmed.replace(/,/g, "");
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { ok: false, error: "Enter a number, like 1000 or 1000.50" };
  const [, whole, fraction = ""] = m;
  if (fraction.length > exponent) {
    return {
      ok: false,
      error: exponent === 0 ? `${currency} has no decimal places` : `${currency} allows at most ${exponent} decimal places`,
    };
  }
  if (whole.length > 18) return { ok: false, error: "Amount is too large" };
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  if (minor <= 0n) return { ok: false, error: "Amount must be greater than zero" };
  if (minor > MAX_MINOR_UNITS) return { ok: false, error: "Amount is too large" };
  return { ok: true, minor };
}

/** Minor units → plain decimal string ("1000.50"), exact. */
export function toDecimalString(minor: bigint | string, currency: string): string {
  const exponent = currencyExponent(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  if (exponent === 0) return `${negative ? "-" : ""}${abs}`;
  const base = 10n ** BigInt(exponent);
  const frac = (abs % base).toString().padStart(exponent, "0");
  return `${negative ? "-" : ""}${abs / base}.${frac}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * "KES 1,000.50". Uses Intl with the decimal string (Intl accepts numeric strings exactly,
 * so no precision is lost on large amounts).
 */
export function formatMoney(minor: bigint | string | number, currency: string, opts: { compact?: boolean } = {}): string {
  const key = `${currency}:${opts.compact ? "c" : ""}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    const exponent = CURRENCIES[currency]?.exponent ?? 2;
    fmt = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      currencyDisplay: "code",
      minimumFractionDigits: opts.compact ? 0 : exponent,
      maximumFractionDigits: opts.compact ? 1 : exponent,
      notation: opts.compact ? "compact" : "standard",
    });
    formatters.set(key, fmt);
  }
  // Intl accepts a decimal string ("1000.50") exactly ("string as number" in ES2023 Intl.NumberFormat v3).
  const decimal = toDecimalString(BigInt(minor), currency);
  return fmt.format(decimal as unknown as number).replace(/\u00a0/g, " ");
}
