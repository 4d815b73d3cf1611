/** Display helpers for transaction fields. Pure: safe on client and server. */
import { TOKEN_DECIMALS } from "@/lib/markets";

/** Token base units → exact decimal string ("1500000", USDT → "1.5"). Unknown tokens: 18 decimals. */
export function cryptoToDecimal(baseUnits: string | bigint | null | undefined, token: string | null | undefined): string {
  if (baseUnits === null || baseUnits === undefined || baseUnits === "") return "";
  let value: bigint;
  try {
    value = BigInt(baseUnits);
  } catch {
    return String(baseUnits);
  }
  const decimals = TOKEN_DECIMALS[(token ?? "").toUpperCase()] ?? 18;
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** "1.5 USDT", grouping the whole part; at most `maxFraction` decimals shown (exact in CSV). */
export function formatCrypto(baseUnits: string | null | undefined, token: string | null | undefined, maxFraction = 6): string {
  const decimal = cryptoToDecimal(baseUnits, token);
  if (!decimal) return "—";
  const [whole, frac = ""] = decimal.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const shown = frac.slice(0, maxFraction).replace(/0+$/, "");
  return `${grouped}${shown ? `.${shown}` : ""}${token ? ` ${token}` : ""}`;
}

/** "0x12ab…cdef" */
export function shortHash(value: string | null | undefined, head = 6, tail = 4): string {
  if (!value) return "—";
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}

/** "MOBILE_MONEY" → "Mobile Money" */
export function humanize(value: string | null | undefined): string {
  if (!value) return "—";
  return value
    .toLowerCase()
    .split("_")
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(" ");
}

export const CALLBACK_STATUS_LABEL: Record<number, string> = {
  0: "COMPLETED",
  1: "PENDING",
  2: "PROCESSING",
  [-1]: "FAILED",
  [-2]: "PERMANENTLY_FAILED",
};
