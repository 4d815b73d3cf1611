import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/auth/errors";
import { customers as c, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { COUNTRIES } from "@/lib/markets";
import type {
  CustomerFilters,
  CustomerRow,
  CustomerSortColumn,
  CustomerStatus,
  CustomersListQuery,
  CustomersListResponse,
} from "./customers-contract";
import { customerName } from "./format";
import { customerTextMatch } from "./match";

/**
 * The countries a list covers: the selected market's, or those the filter asks for among the
 * organisation's markets (another country is a 400, never an empty list that looks like no data).
 */
export function listCountries(scope: Scope, requested: readonly string[]): string[] {
  if (!requested.length) return [scope.market.country];
  const allowed = new Set(scope.markets.map((m) => m.country));
  const unknown = requested.filter((k) => !allowed.has(k));
  if (unknown.length) {
    const name = COUNTRIES[unknown[0]]?.name ?? unknown[0];
    throw new ValidationError(`${name} is not one of your markets`, { country: ["Not one of your markets"] });
  }
  return [...requested];
}

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** The status as it reads at `now`: a suspension whose date has passed is active again. */
function effectiveStatus(now: Date): SQL<string> {
  return sql<string>`(case when ${c.status} = 'suspended' and ${c.suspendedUntil} <= ${at(now)} then 'active' else ${c.status} end)`;
}

function statusCondition(statuses: readonly CustomerStatus[], now: Date): SQL | undefined {
  if (!statuses.length) return undefined;
  return or(
    ...statuses.map((s) =>
      s === "active"
        ? or(eq(c.status, "active"), and(eq(c.status, "suspended"), lte(c.suspendedUntil, now)))!
        : s === "suspended"
          ? and(eq(c.status, "suspended"), or(isNull(c.suspendedUntil), gt(c.suspendedUntil, now)))!
          : eq(c.status, "inactive"),
    ),
  );
}

/**
 * The WHERE of the list, its count and its export: the integrator and environment (inScope), the
 * countries, the search (phone in any typed form, name, email, key), the network and the status.
 */
export function customersWhere(scope: Scope, filters: CustomerFilters, now = new Date()): SQL {
  const countries = listCountries(scope, filters.country);
  return and(
    inScope(c, scope),
    countries.length === 1 ? eq(c.countryCode, countries[0]) : inArray(c.countryCode, countries),
    filters.network.length ? inArray(c.network, [...filters.network]) : undefined,
    statusCondition(filters.status, now),
    customerTextMatch(filters.q, countries, { email: true, digitsArePhone: true }),
  )!;
}

/** "first last", lower-cased; null when the customer has no name (sorted last). Immutable, so an index could hold it. */
const nameKey = sql`nullif(lower(coalesce(${c.firstName}, '') || ' ' || coalesce(${c.lastName}, '')), ' ')`;

function orderBy(column: CustomerSortColumn, dir: "asc" | "desc", now: Date): SQL[] {
  const d = dir === "asc" ? asc : desc;
  const tie = [d(c.createdAt), d(c.id)];
  const nullsLast = (value: SQL) => (dir === "asc" ? sql`${value} asc nulls last` : sql`${value} desc nulls last`);
  switch (column) {
    case "createdAt":
      return tie;
    case "name":
      return [nullsLast(nameKey), ...tie];
    case "phoneNumber":
      return [nullsLast(sql`${c.phoneNumber}`), ...tie];
    case "customerKey":
      return [d(c.customerKey), d(c.id)];
    case "network":
      return [d(c.network), ...tie];
    case "status":
      return [d(effectiveStatus(now)), ...tie];
  }
}

/** The columns a row is built from. */
export const customerColumns = {
  id: c.id,
  customerKey: c.customerKey,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phoneNumber: c.phoneNumber,
  country: c.countryCode,
  network: c.network,
  status: c.status,
  suspendedUntil: c.suspendedUntil,
  createdAt: c.createdAt,
};
export interface CustomerRecord {
  id: string;
  customerKey: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phoneNumber: string | null;
  country: string;
  network: string;
  status: string;
  suspendedUntil: Date | null;
  createdAt: Date;
}

export interface CustomerTotals {
  transactionCount: number;
  /** Minor units of the market currency. */
  totalCollected: bigint;
  totalPaid: bigint;
}

const NO_TOTALS: CustomerTotals = { transactionCount: 0, totalCollected: 0n, totalPaid: 0n };

/**
 * Per customer of `ids` (a page, or an export batch): how many transactions it has in the
 * environment, and the SUCCESSFUL collections and payouts in the market's currency. One grouped
 * query through transactions_customer_idx; never over all customers.
 */
export async function customerTotals(db: Db, scope: Scope, ids: readonly string[]): Promise<Map<string, CustomerTotals>> {
  const out = new Map<string, CustomerTotals>();
  if (!ids.length) return out;
  const currency = scope.market.currency;
  const success = (kind: "collection" | "payout") =>
    sql`${t.kind} = ${kind} and ${t.status} = 'SUCCESSFUL' and ${t.currency} = ${currency}`;
  const rows = await db
    .select({
      customerId: t.customerId,
      count: sql<number>`count(*)::int`,
      collected: sql<string>`coalesce(sum(${t.amount}) filter (where ${success("collection")}), 0)::text`,
      paid: sql<string>`coalesce(sum(${t.amount}) filter (where ${success("payout")}), 0)::text`,
    })
    .from(t)
    .where(and(inArray(t.customerId, [...ids]), inScope(t, scope)))
    .groupBy(t.customerId);
  for (const r of rows) {
    if (!r.customerId) continue;
    out.set(r.customerId, { transactionCount: Number(r.count), totalCollected: BigInt(r.collected), totalPaid: BigInt(r.paid) });
  }
  return out;
}

/** A stored customer → its row, as it reads at `now`. */
export function toCustomerRow(r: CustomerRecord, totals: CustomerTotals | undefined, now: Date): CustomerRow {
  const lapsed = r.status === "suspended" && r.suspendedUntil !== null && r.suspendedUntil.getTime() <= now.getTime();
  const status = (lapsed ? "active" : r.status) as CustomerStatus;
  const tot = totals ?? NO_TOTALS;
  return {
    id: r.id,
    customerKey: r.customerKey,
    name: customerName(r.firstName, r.lastName),
    email: r.email,
    phoneNumber: r.phoneNumber,
    country: r.country,
    network: r.network,
    status,
    suspendedUntil: status === "suspended" && r.suspendedUntil ? r.suspendedUntil.toISOString() : null,
    transactionCount: tot.transactionCount,
    totalCollected: tot.totalCollected.toString(),
    totalPaid: tot.totalPaid.toString(),
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * One page of the Customers table: the scope's integrator and environment, the selected market's
 * country (or the countries asked for among the organisation's markets), searched and filtered,
 * sorted, offset-paged with the total; each row with its transaction count and totals in the
 * market's currency. A page past the end answers the last page.
 */
export async function listCustomers(
  db: Db,
  scope: Scope,
  params: CustomersListQuery,
  now = new Date(),
): Promise<CustomersListResponse> {
  const where = customersWhere(scope, params, now);
  const order = orderBy(params.sort.column, params.sort.dir, now);
  const count = async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(c).where(where))[0]?.n ?? 0);
  // A search scans the customers once: the page and the total in one query (count(*) over ()).
  // Without one, the total is an index count beside a page read in created order.
  const withTotal = params.q !== "";
  const pageRows = (page: number) =>
    db
      .select({ ...customerColumns, total: withTotal ? sql<number>`(count(*) over ())::int` : sql<number>`0` })
      .from(c)
      .where(where)
      .orderBy(...order)
      .limit(params.size)
      .offset((page - 1) * params.size);
  let page = params.page;
  let rows: Awaited<ReturnType<typeof pageRows>>;
  let total: number;
  if (withTotal) {
    rows = await pageRows(page);
    total = rows.length ? Number(rows[0].total) : page > 1 ? await count() : 0;
  } else {
    [total, rows] = await Promise.all([count(), pageRows(page)]);
  }
  const lastPage = Math.max(1, Math.ceil(total / params.size));
  if (page > lastPage) {
    page = lastPage;
    rows = total ? await pageRows(page) : [];
  }
  const totals = await customerTotals(db, scope, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => toCustomerRow(r, totals.get(r.id), now)),
    total,
    page,
    size: params.size,
    currency: scope.market.currency,
  };
}
