import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { customers as c } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { customerName } from "./format";
import { customerTextMatch } from "./match";

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

/**
 * The customer picker of the money dialogs: up to 10 customers of the selected environment and
 * country whose phone number (typed in any form: 0712…, 712…, 254712…, +254 712…), name or
 * customer key matches `q`; the newest first. An empty `q` gives the 10 newest customers.
 */
export async function searchCustomers(db: Db, scope: Scope, input: { q: string }): Promise<CustomerMatch[]> {
  const country = scope.market.country;
  const match = customerTextMatch(input.q, [country]);
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
    .where(and(inScope(c, scope), eq(c.countryCode, country), match))
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(CUSTOMER_SEARCH_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    customerKey: r.customerKey,
    name: customerName(r.firstName, r.lastName),
    phoneNumber: r.phoneNumber,
    network: r.network,
  }));
}
