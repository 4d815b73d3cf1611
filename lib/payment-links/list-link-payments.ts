import "server-only";
import { offsetPage } from "@/lib/db/offset-page";
import { and, asc, desc, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { customers as c, paymentLinks, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { customerName } from "@/lib/customers/format";
import { escapeLike, isoUtc, phoneSearchPrefix } from "@/lib/transactions/query";
import { linkInScope } from "./link-dto";
import {
  OUTCOME_STATUSES,
  outcomeOf,
  type LinkPaymentFilters,
  type LinkPaymentOutcome,
  type LinkPaymentRow,
  type LinkPaymentSortColumn,
  type LinkPaymentsQuery,
  type LinkPaymentsResponse,
} from "./link-payments-contract";
import { LINK_NOT_FOUND } from "./schemas";

/** What the payments list, its export and the analytics need of the link. */
export interface ScopedLink {
  id: string;
  name: string;
  shortCode: string;
  currency: string;
  country: string;
}

/** The link of the selected environment and market (linkInScope); any other id is NotFoundError. */
export async function findScopedLink(db: Db, scope: Scope, linkId: string): Promise<ScopedLink> {
  const [row] = await db
    .select({
      id: paymentLinks.id,
      name: paymentLinks.name,
      shortCode: paymentLinks.shortCode,
      currency: paymentLinks.currency,
      country: paymentLinks.country,
    })
    .from(paymentLinks)
    .where(linkInScope(scope, linkId))
    .limit(1);
  if (!row) throw new NotFoundError(LINK_NOT_FOUND);
  return row;
}

function outcomeCondition(outcomes: readonly LinkPaymentOutcome[]): SQL | undefined {
  if (!outcomes.length || outcomes.length === 3) return undefined;
  const known = [...OUTCOME_STATUSES.successful, ...OUTCOME_STATUSES.pending];
  return or(
    ...outcomes.map((o) =>
      o === "successful"
        ? inArray(t.status, [...OUTCOME_STATUSES.successful])
        : o === "pending"
          ? inArray(t.status, [...OUTCOME_STATUSES.pending])
          : notInArray(t.status, known),
    ),
  );
}

/** A reference's beginning (as typed, or upper-cased) or a phone number's beginning in any typed form, in the link's country. */
function searchCondition(q: string, country: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const branches: SQL[] = [sql`${t.referenceId} like ${escapeLike(text) + "%"}`];
  const upper = text.toUpperCase();
  if (upper !== text) branches.push(sql`${t.referenceId} like ${escapeLike(upper) + "%"}`);
  const phone = phoneSearchPrefix(text, country);
  if (phone) branches.push(sql`${t.phoneNumber} like ${escapeLike(phone) + "%"}`);
  return or(...branches);
}

/**
 * The WHERE of the list, its count and its export: the integrator and environment (inScope), this
 * link's collections (transactions_payment_link_idx), the outcome filter and the search.
 */
export function linkPaymentsWhere(scope: Scope, link: ScopedLink, filters: LinkPaymentFilters): SQL {
  return and(
    inScope(t, scope),
    eq(t.paymentLinkId, link.id),
    eq(t.kind, "collection"),
    outcomeCondition(filters.status),
    searchCondition(filters.q, link.country),
  )!;
}

/** The columns a row is built from (the payer's typed name from the checkout, the customer's name on record). */
export const linkPaymentColumns = {
  id: t.id,
  referenceId: t.referenceId,
  status: t.status,
  phoneNumber: t.phoneNumber,
  network: t.network,
  amount: t.amount,
  fee: t.fee,
  currency: t.currency,
  createdAt: isoUtc(t.createdAt),
  completedAt: sql<string | null>`case when ${t.completedAt} is null then null else ${isoUtc(t.completedAt)} end`,
  payerFirstName: sql<string | null>`${t.metadata}->'payer'->>'firstName'`,
  payerLastName: sql<string | null>`${t.metadata}->'payer'->>'lastName'`,
  customerFirstName: c.firstName,
  customerLastName: c.lastName,
};

export interface LinkPaymentRecord {
  id: string;
  referenceId: string;
  status: string;
  phoneNumber: string | null;
  network: string | null;
  amount: bigint;
  fee: bigint;
  currency: string;
  createdAt: string;
  completedAt: string | null;
  payerFirstName: string | null;
  payerLastName: string | null;
  customerFirstName: string | null;
  customerLastName: string | null;
}

/** The payments with their customer (same integrator), for a select over `linkPaymentColumns`. */
export function selectLinkPayments(db: Db) {
  return db
    .select(linkPaymentColumns)
    .from(t)
    .leftJoin(c, and(eq(c.id, t.customerId), eq(c.integratorId, t.integratorId)));
}

export function toLinkPaymentRow(r: LinkPaymentRecord): LinkPaymentRow {
  return {
    id: r.id,
    referenceId: r.referenceId,
    status: r.status,
    outcome: outcomeOf(r.status),
    customerName: customerName(r.payerFirstName, r.payerLastName) ?? customerName(r.customerFirstName, r.customerLastName),
    phoneNumber: r.phoneNumber,
    network: r.network,
    amount: r.amount.toString(),
    fee: r.fee.toString(),
    currency: r.currency,
    createdAt: r.createdAt,
    completedAt: r.completedAt,
  };
}

function orderBy(column: LinkPaymentSortColumn, dir: "asc" | "desc"): SQL[] {
  const d = dir === "asc" ? asc : desc;
  const tie = [d(t.createdAt), d(t.id)];
  return column === "amount" ? [d(t.amount), ...tie] : tie;
}

/**
 * One payment of the link as its row (the receipt page's and PDF's fallback for the payer's name:
 * the customer on record when the checkout did not ask for one). Another link's payment, or the
 * link of another integrator or market, is NotFoundError.
 */
export async function getLinkPaymentRow(db: Db, scope: Scope, linkId: string, paymentId: string): Promise<LinkPaymentRow> {
  const link = await findScopedLink(db, scope, linkId);
  const [row] = await selectLinkPayments(db)
    .where(and(linkPaymentsWhere(scope, link, { q: "", status: [] }), eq(t.id, paymentId)))
    .limit(1);
  if (!row) throw new NotFoundError("Payment not found.");
  return toLinkPaymentRow(row);
}

/** What the list needs of the query (the contract's parsed params; tests may give a part). */
export type LinkPaymentsInput = Partial<LinkPaymentsQuery>;

/**
 * One page of a payment link's payments: the link must be one of the selected environment and
 * market (else NotFoundError, never another integrator's rows), then its collections, searched
 * (reference or phone beginning) and filtered by outcome, sorted (newest first, or by amount),
 * offset-paged with the total. A page past the end answers the last page.
 */
export async function listLinkPayments(
  db: Db,
  scope: Scope,
  linkId: string,
  params: LinkPaymentsInput = {},
): Promise<LinkPaymentsResponse> {
  const link = await findScopedLink(db, scope, linkId);
  const size = params.size ?? 20;
  const sort = params.sort ?? { column: "createdAt" as const, dir: "desc" as const };
  const where = linkPaymentsWhere(scope, link, { q: params.q ?? "", status: params.status ?? [] });
  const order = orderBy(sort.column, sort.dir);
  const { rows, total, page } = await offsetPage(
    params.page ?? 1,
    size,
    async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(t).where(where))[0]?.n ?? 0),
    (offset, limit) => selectLinkPayments(db).where(where).orderBy(...order).limit(limit).offset(offset),
  );
  return { rows: rows.map(toLinkPaymentRow), total, page, size };
}
