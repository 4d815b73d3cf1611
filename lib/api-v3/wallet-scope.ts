import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, getTableColumns, inArray, ne, or } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { AppError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { customers, fiatWallets, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { COUNTRIES, type Market } from "@/lib/markets";
import { checkMobileNumber } from "@/lib/engine/phone";
import { IDEMPOTENCY_KEY_RE } from "@/lib/ledger/idempotency-key";
import { CALLING_CODES } from "@/lib/engine/networks";
import { amountToDecimalString, fieldError, MESSAGES, renameFieldErrors, type FieldNames } from "./schemas";

/**
 * What a v3 route resolves before it calls a service: the thing its path or body names (a wallet,
 * a customer, a transaction), looked up through the tenant filter (integrator and environment of
 * the key), and the scope the service runs in. An API key's scope has the integrator's default
 * market; a wallet's operations run in the wallet's market, a customer's in its country's.
 * Anything of another integrator or environment is the spec's 404.
 */

/** The market of `country` among the integrator's (its currency there), or the country's own currency. */
export function marketOfCountry(scope: Scope, country: string): Market {
  const own = COUNTRIES[country]?.currency;
  const ofIntegrator = scope.markets.filter((m) => m.country === country);
  const pick = ofIntegrator.find((m) => m.currency === own) ?? ofIntegrator[0];
  return pick ? { ...pick } : { country, currency: own ?? scope.market.currency };
}

/** The key's scope narrowed to a country's market (customers, account validation). */
export function scopeForCountry(scope: Scope, country: string): Scope {
  return { ...scope, market: marketOfCountry(scope, country) };
}

/**
 * The market to look a currency's wallet up in: the country asked for, else the key's default
 * market when it has that currency, else the integrator's first market with it, else the first
 * country using it.
 */
export function marketOfCurrency(scope: Scope, currency: string, country?: string): Market {
  if (country) return { country, currency };
  if (scope.market.currency === currency) return { ...scope.market };
  const ofIntegrator = scope.markets.find((m) => m.currency === currency);
  if (ofIntegrator) return { ...ofIntegrator };
  const anyCountry = Object.values(COUNTRIES).find((c) => c.currency === currency);
  return { country: anyCountry?.code ?? scope.market.country, currency };
}

/** Whether the country is one of the integrator's markets in this environment. */
export function isMarketCountry(scope: Scope, country: string): boolean {
  return scope.markets.some((m) => m.country === country);
}

export interface ScopedWallet {
  id: string;
  currency: string;
  country: string | null;
}

/**
 * The key's scope narrowed to a wallet's market: its currency, and its country — or, for a
 * currency-wide wallet (no country), `preferCountry` when the integrator has that market, else
 * the integrator's market with that currency. NotFoundError("Wallet Not Found") otherwise.
 */
export async function scopeForWallet(
  db: Db,
  scope: Scope,
  walletId: string,
  opts: { preferCountry?: string } = {},
): Promise<Scope> {
  return (await walletAndScope(db, scope, walletId, opts)).scope;
}

export async function walletAndScope(
  db: Db,
  scope: Scope,
  walletId: string,
  opts: { preferCountry?: string } = {},
): Promise<{ scope: Scope; wallet: ScopedWallet }> {
  const [wallet] = await db
    .select({ id: fiatWallets.id, currency: fiatWallets.currency, country: fiatWallets.country })
    .from(fiatWallets)
    .where(and(inScope(fiatWallets, scope), eq(fiatWallets.id, walletId), ne(fiatWallets.status, "deleted")))
    .limit(1);
  if (!wallet) throw new NotFoundError(MESSAGES.walletNotFound);
  let country = wallet.country;
  if (!country) {
    const sameCurrency = scope.markets.filter((m) => m.currency === wallet.currency);
    country =
      sameCurrency.find((m) => m.country === opts.preferCountry)?.country ??
      (scope.market.currency === wallet.currency ? scope.market.country : undefined) ??
      sameCurrency[0]?.country ??
      opts.preferCountry ??
      scope.market.country;
  }
  return { scope: { ...scope, market: { country, currency: wallet.currency } }, wallet };
}

export type CustomerRecord = typeof customers.$inferSelect;

/**
 * What a deposit and a withdrawal both resolve before the engine: the customer (by key), the
 * wallet and its market's scope, the optional `currency` (must be the wallet's), the customer's
 * country (must be the wallet's) and the amount as the engine's decimal string.
 */
export async function resolveMoneyRequest(
  db: Db,
  scope: Scope,
  body: { customerKey: string; walletId: string; currency?: string; amount: number },
): Promise<{ customer: CustomerRecord; wallet: ScopedWallet; walletScope: Scope; amount: string }> {
  const customer = await findCustomerByKey(db, scope, body.customerKey);
  const { scope: walletScope, wallet } = await walletAndScope(db, scope, body.walletId, { preferCountry: customer.countryCode });
  if (body.currency !== undefined && body.currency.toUpperCase() !== wallet.currency) {
    throw fieldError("currency", `must be the wallet's currency (${wallet.currency})`);
  }
  if (customer.countryCode !== walletScope.market.country) {
    const name = (c: string) => COUNTRIES[c]?.name ?? c;
    throw fieldError("customer_key", `is a customer in ${name(customer.countryCode)}; this wallet serves ${name(walletScope.market.country)}`);
  }
  return { customer, wallet, walletScope, amount: amountToDecimalString(body.amount, wallet.currency) };
}

/** A customer of the key's integrator and environment by its key, or NotFoundError("Customer not found."). */
export async function findCustomerByKey(db: Db, scope: Scope, customerKey: string): Promise<CustomerRecord> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(inScope(customers, scope), eq(customers.customerKey, customerKey)))
    .limit(1);
  if (!row) throw new NotFoundError(MESSAGES.customerNotFound);
  return row;
}

/**
 * The E.164 forms a number given in a path can mean: international (+254…, or 254… with a calling
 * code of one of the integrator's countries), or national in one of its markets (0712…).
 */
export function phoneCandidates(scope: Scope, phone: string): string[] {
  const out = new Set<string>();
  const digits = phone.replace(/\D/g, "");
  const international = parsePhoneNumberFromString(phone.trim().startsWith("+") ? phone : `+${digits}`);
  if (international?.isValid()) out.add(international.number);
  for (const country of new Set(scope.markets.map((m) => m.country))) {
    const checked = checkMobileNumber(phone, country);
    if (checked.ok) out.add(checked.e164);
  }
  return [...out];
}

/** A customer of the key's integrator and environment by phone number (any usual form), or NotFoundError. */
export async function findCustomerByPhone(db: Db, scope: Scope, phone: string): Promise<CustomerRecord> {
  const candidates = phoneCandidates(scope, phone);
  if (!candidates.length) throw new NotFoundError(MESSAGES.customerNotFound);
  const [row] = await db
    .select()
    .from(customers)
    .where(and(inScope(customers, scope), inArray(customers.phoneNumber, candidates)))
    .orderBy(asc(customers.createdAt), asc(customers.id))
    .limit(1);
  if (!row) throw new NotFoundError(MESSAGES.customerNotFound);
  return row;
}

/** Full customer rows for ids a list service returned (in that order), in the key's integrator and environment. */
export async function customersByIds(db: Db, scope: Scope, ids: readonly string[]): Promise<CustomerRecord[]> {
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(customers)
    .where(and(inScope(customers, scope), inArray(customers.id, [...ids])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The country a number to validate belongs to: its calling code when international, else `fallback`. */
export function countryOfNumber(phone: string, fallback: string): string {
  const text = phone.trim();
  if (text.startsWith("+")) {
    const parsed = parsePhoneNumberFromString(text);
    if (parsed?.country && COUNTRIES[parsed.country]) return parsed.country;
    const digits = text.replace(/\D/g, "");
    const byCode = Object.entries(CALLING_CODES).find(([, cc]) => digits.startsWith(cc));
    if (byCode) return byCode[0];
  }
  return fallback;
}

export type TransactionRecord = typeof t.$inferSelect & { customerKey: string | null };

/**
 * A collection or payout of the key's integrator and environment (any market) by the reference
 * a status endpoint was given (§1.6): our reference first (its unique index), then the telco's
 * receipt id or the provider's reference. NotFoundError("Reference Id not found") otherwise.
 */
export async function findTransactionByReference(
  db: Db,
  scope: Scope,
  kind: "collection" | "payout",
  reference: string,
): Promise<TransactionRecord> {
  const select = () =>
    db
      .select({ ...getTableColumns(t), customerKey: customers.customerKey })
      .from(t)
      .leftJoin(customers, eq(customers.id, t.customerId));
  const [byRef] = await select()
    .where(and(inScope(t, scope), eq(t.kind, kind), eq(t.referenceId, reference)))
    .limit(1);
  if (byRef) return byRef;
  const [byReceipt] = await select()
    .where(and(inScope(t, scope), eq(t.kind, kind), or(eq(t.telcoId, reference), eq(t.providerReference, reference))))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(1);
  if (byReceipt) return byReceipt;
  throw new NotFoundError(MESSAGES.referenceNotFound);
}

/**
 * The idempotency key of a money request: the caller's `Idempotency-Key` header, or a fresh one
 * (then only a repeated reference makes a retry safe, §1.6).
 */
export function idempotencyKeyOf(req: Request): string {
  const sent = req.headers.get("idempotency-key")?.trim();
  if (!sent) return `api-${randomUUID()}`;
  if (!IDEMPOTENCY_KEY_RE.test(sent)) {
    const msg = "Idempotency-Key must be 8–128 letters, digits, '.', '_', ':' or '-'";
    throw new ValidationError(msg, { _: [msg] });
  }
  return sent;
}

/**
 * Runs a service call and words its errors for the API: field errors re-keyed with the API's
 * field names, and a NotFoundError re-worded (the dashboard's "Wallet not found" is the spec's
 * "Wallet Not Found").
 */
export async function asApi<T>(
  fn: () => Promise<T>,
  opts: { fields?: FieldNames; notFound?: string } = {},
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NotFoundError && opts.notFound) throw new NotFoundError(opts.notFound);
    if (e instanceof AppError && e.fieldErrors && opts.fields && e.status === 400) {
      const renamed = renameFieldErrors(e.fieldErrors, opts.fields);
      throw new ValidationError(e.message, renamed);
    }
    throw e;
  }
}
