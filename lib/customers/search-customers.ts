import "server-only";
import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { customers as c } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { CALLING_CODES, nationalDigits } from "@/lib/engine/networks";

/** One match of the New Collection / Send Money customer picker. */
export interface CustomerMatch {
  id: string;
  customerKey: string;
  /** First and last name, or null when the customer has none. */
  name: string | null;
  /** E.164. */
  phoneNumber: string | null;
  network: string;
}

export const CUSTOMER_SEARCH_LIMIT = 10;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** What a phone search looks like: digits with the usual separators, at least 3 digits. */
const PHONE_LIKE = /^\+?[\d\s().-]+$/;

/**
 * The customer picker of the money dialogs: up to 10 customers of the selected environment and
 * country whose phone number (typed in any form: 0712…, 712…, 254712…, +254 712…), name or
 * customer key matches `q`; the newest first. An empty `q` gives the 10 newest customers.
 */
export async function searchCustomers(db: Db, scope: Scope, input: { q: string }): Promise<CustomerMatch[]> {
  const country = scope.market.country;
  const text = input.q.trim();
  const branches: SQL[] = [];
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    branches.push(ilike(c.firstName, pattern), ilike(c.lastName, pattern), ilike(c.customerKey, pattern));
    branches.push(sql`(coalesce(${c.firstName}, '') || ' ' || coalesce(${c.lastName}, '')) ilike ${pattern}`);
    const cc = CALLING_CODES[country];
    const raw = text.replace(/\D/g, "");
    if (cc && PHONE_LIKE.test(text) && raw.length >= 3) {
      const prefixes = new Set<string>();
      if (text.startsWith("+")) {
        prefixes.add(`+${raw}`);
      } else {
        prefixes.add(`+${cc}${nationalDigits(text, country)}`);
        // "254712…" typed before it is long enough for nationalDigits to drop the calling code.
        if (raw.startsWith(cc)) prefixes.add(`+${raw}`);
      }
      for (const prefix of prefixes) branches.push(sql`${c.phoneNumber} like ${`${prefix}%`}`);
    }
  }
  const rows = await db
    .select({
      id: c.id,
      customerKey: c.customerKey,
      firstName: c.firstName,
      lastName: c.lastName,
      phoneNumber: c.phoneNumber,
      network: c.network,
    })
    .from(c)
    .where(and(inScope(c, scope), eq(c.countryCode, country), branches.length ? or(...branches) : undefined))
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(CUSTOMER_SEARCH_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    customerKey: r.customerKey,
    name: [r.firstName, r.lastName].filter((p) => p && p.trim()).join(" ") || null,
    phoneNumber: r.phoneNumber,
    network: r.network,
  }));
}
