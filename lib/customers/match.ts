import "server-only";
import { or, sql, type SQL } from "drizzle-orm";
import { customers as c } from "@/lib/db/schema";
import { CALLING_CODES, nationalDigits } from "@/lib/engine/networks";

/**
 * What "find a customer by what was typed" means, for the money dialogs' picker
 * (search-customers.ts) and the Customers list (list-customers.ts): the phone number in any typed
 * form (0712…, 712…, 254712…, +254 712…), the name (first, last or both), the customer key, and
 * for the list the email.
 */

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** What a phone search looks like: digits with the usual separators. */
const PHONE_LIKE = /^\+?[\d\s().-]+$/;

/**
 * The E.164 prefixes a typed phone number (at least 3 digits) can start, for customers of these
 * countries: "0712 3" in KE → "+2547123"; "+254 71" → "+25471". Empty when it does not look like one.
 */
export function phonePrefixes(text: string, countries: readonly string[]): string[] {
  const raw = text.replace(/\D/g, "");
  if (!PHONE_LIKE.test(text) || raw.length < 3 || !countries.some((k) => CALLING_CODES[k])) return [];
  const prefixes = new Set<string>();
  if (text.startsWith("+")) {
    return [`+${raw}`];
  }
  for (const country of countries) {
    const cc = CALLING_CODES[country];
    if (!cc) continue;
    prefixes.add(`+${cc}${nationalDigits(text, country)}`);
    // "254712…" typed before it is long enough for nationalDigits to drop the calling code.
    if (raw.startsWith(cc)) prefixes.add(`+${raw}`);
  }
  return [...prefixes];
}

/**
 * The WHERE branch matching `text` (trimmed, non-empty), or undefined for an empty search: the
 * name (first, last, or "first last"), the key or (opts.email) the email contains it, or the phone
 * number starts with one of its prefixes.
 *
 * The text fields are matched as one string, "first last␁key␁email", with one ILIKE: five ILIKEs
 * per row made a search over 100k customers ~3× slower. The separator (U+0001) is a control
 * character, which the search schemas refuse, so a match never spans two fields; the name keeps
 * its space so "Jane Wan" finds Jane Wanjiku.
 *
 * `digitsArePhone` (the Customers list): a search that looks like a phone number (digits and the
 * usual separators, at least 3 digits) matches the phone number only — a prefix the phone index
 * answers, instead of a scan of every customer's name, key and email for those digits.
 */
export function customerTextMatch(
  text: string,
  countries: readonly string[],
  opts: { email?: boolean; digitsArePhone?: boolean } = {},
): SQL | undefined {
  const q = text.trim();
  if (!q) return undefined;
  const phones = phonePrefixes(q, countries).map((prefix) => sql`${c.phoneNumber} like ${`${escapeLike(prefix)}%`}`);
  if (opts.digitsArePhone && phones.length) return or(...phones);
  const pattern = `%${escapeLike(q)}%`;
  const haystack = opts.email
    ? sql`(coalesce(${c.firstName}, '') || ' ' || coalesce(${c.lastName}, '') || chr(1) || ${c.customerKey} || chr(1) || coalesce(${c.email}, ''))`
    : sql`(coalesce(${c.firstName}, '') || ' ' || coalesce(${c.lastName}, '') || chr(1) || ${c.customerKey})`;
  return or(sql`${haystack} ilike ${pattern}`, ...phones);
}
