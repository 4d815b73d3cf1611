import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Scope } from "@/lib/auth/scope";

/**
 * The tenant filter: every service query's WHERE starts here, so no query can forget the
 * integrator (an id of another integrator is then simply "not found").
 *
 *   db.select().from(fiatWallets).where(and(inScope(fiatWallets, scope), eq(fiatWallets.id, id)))
 *   inScope(transactions, scope, { market: true })   // + the selected country and currency
 *
 * - integrator: always;
 * - environment: whenever the table has an environment column (Sandbox and Production never mix);
 *   `{ environment: false }` only for tables shared by both (a role applies in both);
 * - market: on request, for market-scoped areas (transactions, customers, payment links…):
 *   the currency, and the country when the table has one (`{ market: "currency" }` for a
 *   currency-wide view, e.g. wallets, which hold a currency for all its countries).
 */
export interface TenantColumns {
  integratorId: AnyPgColumn;
  environment?: AnyPgColumn;
  currency?: AnyPgColumn;
  country?: AnyPgColumn;
}

export interface TenantOptions {
  market?: boolean | "currency";
  environment?: boolean;
}

export type TenantScope = Pick<Scope, "integratorId" | "environment" | "market">;

export function inScope(table: TenantColumns, scope: TenantScope, opts: TenantOptions = {}): SQL {
  const conditions: SQL[] = [eq(table.integratorId, scope.integratorId)];
  if (opts.environment !== false && table.environment) conditions.push(eq(table.environment, scope.environment));
  if (opts.market) {
    if (!table.currency) throw new Error("inScope: { market } on a table without a currency column");
    conditions.push(eq(table.currency, scope.market.currency));
    if (opts.market === true && table.country) conditions.push(eq(table.country, scope.market.country));
  }
  return and(...conditions)!;
}
