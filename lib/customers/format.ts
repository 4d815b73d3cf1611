/**
 * How a customer's phone number reads in its own country ("+254712345678" → "0712 345 678").
 * Pure and small (no phone metadata library): safe on client and server. Numbers that do not
 * start with the country's calling code are shown as stored.
 */
import { CALLING_CODES } from "@/lib/engine/networks";

/** Countries whose national format has no trunk 0 (the whole national number is dialled). */
const NO_TRUNK = new Set(["CI", "SN", "CM"]);

/** Group sizes of a national number, by country, then by length. */
function groups(country: string, digits: string): number[] {
  if (country === "CI") return [2, 2, 2, 2, 2];
  if (country === "SN") return [2, 3, 2, 2];
  if (country === "CM") return [1, 2, 2, 2, 2];
  if (digits.length === 10) return [4, 3, 3];
  if (digits.length === 11) return [4, 3, 4];
  return [];
}

function grouped(digits: string, sizes: number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  if (!sizes.length) return digits.replace(/(\d{3})(?=\d)/g, "$1 ");
  return parts.join(" ");
}

/** "+254712345678", "KE" → "0712 345 678"; "+221771234567", "SN" → "77 123 45 67". Null → "". */
export function formatNationalPhone(e164: string | null | undefined, country: string): string {
  if (!e164) return "";
  const cc = CALLING_CODES[country];
  if (!cc || !e164.startsWith(`+${cc}`) || !/^\+\d+$/.test(e164)) return e164;
  const national = e164.slice(cc.length + 1);
  if (!national) return e164;
  const digits = NO_TRUNK.has(country) || national.startsWith("0") ? national : `0${national}`;
  return grouped(digits, groups(country, digits));
}

/** First and last name, or null when the customer has none. */
export function customerName(first: string | null | undefined, last: string | null | undefined): string | null {
  return [first, last].filter((p) => p && p.trim()).join(" ") || null;
}
