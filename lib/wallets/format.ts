/** Client-safe formatting for wallet screens (no server imports). */

/**
 * Base units of a token (decimal string, may exceed 2^64) → "1,234.5678": at most `maxFraction`
 * fraction digits (truncated, never rounded up), at least `minFraction` (zero-padded).
 */
export function formatTokenAmount(base: string, decimals: number, maxFraction = 6, minFraction = 0): string {
  const digits = /^\d+$/.test(base) ? base.replace(/^0+(?=\d)/, "") : "0";
  const padded = digits.padStart(decimals + 1, "0");
  const whole = decimals > 0 ? padded.slice(0, -decimals) : padded;
  let fraction = decimals > 0 ? padded.slice(-decimals) : "";
  fraction = fraction.slice(0, maxFraction).replace(/0+$/, "").padEnd(Math.min(minFraction, maxFraction), "0");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** "0x12ab…90ef" for long addresses. */
export function shortAddress(address: string, head = 6, tail = 4): string {
  return address.length <= head + tail + 1 ? address : `${address.slice(0, head)}…${address.slice(-tail)}`;
}
