import "server-only";
import { and, desc, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { can, type Scope } from "@/lib/auth/scope";
import { paymentLinks as l, transactions as t } from "@/lib/db/schema";
import { readableKinds } from "@/lib/transactions/kinds";
import { escapeLike, isoUtc, phoneSearchPrefix, scopeConditions } from "@/lib/transactions/query";
import { createdOrder } from "@/lib/transactions/list-transactions";
import { searchCustomers } from "@/lib/customers/search-customers";
import { paymentLinksWhere } from "@/lib/payment-links/list-payment-links";
import {
  customerHref,
  paymentLinkHref,
  SEARCH_LIMITS,
  SEARCH_MIN_CHARS,
  transactionHref,
  type CustomerHit,
  type PaymentLinkHit,
  type SearchQuery,
  type SearchResults,
  type TransactionHit,
} from "./search-contract";

/**
 * A transaction's reference starts with the text (as typed, or upper-cased: references are
 * printed in capitals), or its phone number starts with the text read as a phone number of the
 * market's country (0712…, 712…, 254712…, +254 712…). The same rules, and indexes, as the lists'
 * search (lib/transactions/query.ts); wildcards are literal.
 */
function transactionMatch(text: string, scope: Scope): SQL {
  const branches: SQL[] = [sql`${t.referenceId} like ${`${escapeLike(text)}%`}`];
  const upper = text.toUpperCase();
  if (upper !== text) branches.push(sql`${t.referenceId} like ${`${escapeLike(upper)}%`}`);
  const phone = phoneSearchPrefix(text, scope.market.country);
  if (phone) branches.push(sql`${t.phoneNumber} like ${`${escapeLike(phone)}%`}`);
  return or(...branches)!;
}

async function findTransactions(db: Db, scope: Scope, text: string): Promise<TransactionHit[]> {
  // Only the kinds the member may read (none: no query at all).
  const kinds = readableKinds("recent", scope.permissions);
  if (kinds.length === 0) return [];
  const rows = await db
    .select({
      id: t.id,
      kind: t.kind,
      referenceId: t.referenceId,
      status: t.status,
      amount: t.amount,
      currency: t.currency,
      phoneNumber: t.phoneNumber,
      createdAt: isoUtc(t.createdAt),
    })
    .from(t)
    .where(and(...scopeConditions(scope, kinds), transactionMatch(text, scope)))
    .orderBy(...createdOrder(false))
    .limit(SEARCH_LIMITS.transactions);
  return rows.map((r) => ({ ...r, amount: r.amount.toString(), href: transactionHref(r.kind, r.id) }));
}

async function findCustomers(db: Db, scope: Scope, text: string): Promise<CustomerHit[]> {
  if (!can(scope, "customers.read")) return [];
  const matches = await searchCustomers(db, scope, { q: text });
  return matches.slice(0, SEARCH_LIMITS.customers).map((c) => ({
    id: c.id,
    name: c.name,
    phoneNumber: c.phoneNumber,
    customerKey: c.customerKey,
    href: customerHref(c.id),
  }));
}

async function findPaymentLinks(db: Db, scope: Scope, text: string, now: Date): Promise<PaymentLinkHit[]> {
  if (!can(scope, "payment_links.read")) return [];
  const rows = await db
    .select({ id: l.id, name: l.name, shortCode: l.shortCode, active: l.active })
    .from(l)
    .where(paymentLinksWhere(scope, { q: text, status: [], linkType: [], pricing: [] }, now))
    .orderBy(desc(l.createdAt), desc(l.id))
    .limit(SEARCH_LIMITS.paymentLinks);
  return rows.map((r) => ({ ...r, href: paymentLinkHref(r.id) }));
}

/**
 * The command palette's "Find": transactions of every kind the member may read (reference prefix
 * or phone number), customers (name, phone or key) and payment links (name or short code) of the
 * selected environment and market, newest first, a few of each. A group the member may not read
 * is empty (never a 403: the palette is for every member); fewer than 3 characters find nothing.
 */
export async function searchEverything(db: Db, scope: Scope, input: SearchQuery, now = new Date()): Promise<SearchResults> {
  const q = input.q.trim();
  if (q.length < SEARCH_MIN_CHARS) return { q, transactions: [], customers: [], paymentLinks: [] };
  const [transactions, customers, paymentLinks] = await Promise.all([
    findTransactions(db, scope, q),
    findCustomers(db, scope, q),
    findPaymentLinks(db, scope, q, now),
  ]);
  return { q, transactions, customers, paymentLinks };
}
