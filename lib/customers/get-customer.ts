import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { customers as c, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { readableKinds } from "@/lib/transactions/kinds";
import { CUSTOMER_ID_PATTERN, CUSTOMER_TX_KINDS, type CustomerTxKind } from "./customer-transactions-contract";
import { customerName } from "./format";

/**
 * A customer's figures in the selected market (its currency and country: the rows of the list
 * below them), of the kinds the member may read. Totals count SUCCESSFUL transactions only, as
 * the Customers list does.
 */
export interface CustomerSummary {
  currency: string;
  /** Collections and payouts (of the kinds the member may read) in the market. */
  transactionCount: number;
  /** Minor units: the amounts of SUCCESSFUL collections; null without collections.read. */
  totalCollected: string | null;
  /** Minor units: the amounts of SUCCESSFUL payouts; null without payouts.read. */
  totalPaid: string | null;
  /** ISO-8601 UTC of the newest of those transactions, or null. */
  lastActivityAt: string | null;
}

/** The customer detail page's profile (JSON-ready: dates as ISO strings, amounts as strings). */
export interface CustomerDetail {
  id: string;
  customerKey: string;
  /** First and last name, or null when the customer has none. */
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  /** E.164. */
  phoneNumber: string | null;
  countryCode: string;
  network: string;
  accountName: string | null;
  accountNumber: string | null;
  bankCode: string | null;
  email: string | null;
  idType: string | null;
  idNumber: string | null;
  /** YYYY-MM-DD. */
  dateOfBirth: string | null;
  /** active | inactive | suspended (a suspension whose date has passed reads as active). */
  status: string;
  /** ISO-8601 when suspended until a date; null otherwise. */
  suspendedUntil: string | null;
  nameLookupStatus: string | null;
  verifiedName: string | null;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  summary: CustomerSummary;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The kinds of a customer's list this member may read (collections.read, payouts.read). */
export function customerReadableKinds(scope: Scope): CustomerTxKind[] {
  return readableKinds("recent", scope.permissions).filter((k): k is CustomerTxKind =>
    (CUSTOMER_TX_KINDS as readonly string[]).includes(k),
  );
}

/**
 * The customer's row in the scope (integrator and environment), or NotFoundError: a malformed
 * id, another integrator's or the other environment's customer are all "Customer not found.".
 */
export async function findCustomer(db: Db, scope: Scope, id: string) {
  if (!CUSTOMER_ID_PATTERN.test(id)) throw new NotFoundError("Customer not found.");
  const [row] = await db
    .select()
    .from(c)
    .where(and(inScope(c, scope), eq(c.id, id)))
    .limit(1);
  if (!row) throw new NotFoundError("Customer not found.");
  return row;
}

/**
 * One customer of the scope's integrator and environment: the profile, and its figures in the
 * selected market: how many collections and payouts, the successful amounts collected and paid,
 * and the last activity. Only the kinds the member may read count.
 */
export async function getCustomer(db: Db, scope: Scope, id: string, now: Date = new Date()): Promise<CustomerDetail> {
  const row = await findCustomer(db, scope, id);
  const kinds = customerReadableKinds(scope);
  const currency = scope.market.currency;

  let figures = { count: 0, collected: "0", paid: "0", last: null as string | null };
  if (kinds.length) {
    const [agg] = await db
      .select({
        count: sql<number>`count(*)::int`,
        collected: sql<string>`coalesce(sum(${t.amount}) filter (where ${t.kind} = 'collection' and ${t.status} = 'SUCCESSFUL'), 0)::text`,
        paid: sql<string>`coalesce(sum(${t.amount}) filter (where ${t.kind} = 'payout' and ${t.status} = 'SUCCESSFUL'), 0)::text`,
        last: sql<string | null>`case when max(${t.createdAt}) is null then null else to_char(max(${t.createdAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end`,
      })
      .from(t)
      .where(and(eq(t.customerId, row.id), inScope(t, scope, { market: true }), inArray(t.kind, kinds)));
    if (agg) figures = { count: Number(agg.count), collected: String(agg.collected), paid: String(agg.paid), last: agg.last };
  }

  const suspensionOver = row.status === "suspended" && row.suspendedUntil !== null && row.suspendedUntil.getTime() <= now.getTime();
  return {
    id: row.id,
    customerKey: row.customerKey,
    name: customerName(row.firstName, row.lastName),
    firstName: row.firstName,
    lastName: row.lastName,
    phoneNumber: row.phoneNumber,
    countryCode: row.countryCode,
    network: row.network,
    accountName: row.accountName,
    accountNumber: row.accountNumber,
    bankCode: row.bankCode,
    email: row.email,
    idType: row.idType,
    idNumber: row.idNumber,
    dateOfBirth: row.dateOfBirth,
    status: suspensionOver ? "active" : row.status,
    suspendedUntil: suspensionOver ? null : iso(row.suspendedUntil),
    nameLookupStatus: row.nameLookupStatus,
    verifiedName: row.verifiedName,
    verifiedAt: iso(row.verifiedAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    summary: {
      currency,
      transactionCount: figures.count,
      totalCollected: kinds.includes("collection") ? figures.collected : null,
      totalPaid: kinds.includes("payout") ? figures.paid : null,
      lastActivityAt: figures.last,
    },
  };
}
