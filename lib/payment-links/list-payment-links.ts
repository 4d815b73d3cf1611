import "server-only";
import { offsetPage } from "@/lib/db/offset-page";
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { paymentLinks as l } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { escapeLike } from "@/lib/customers/match";
import { linkTotals, toLinkDto } from "./link-dto";
import type { LinkStatus } from "./link-status";
import type {
  PaymentLinkFilters,
  PaymentLinkSortColumn,
  PaymentLinksListQuery,
  PaymentLinksListResponse,
} from "./payment-links-contract";

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** Expired at `now`: an expiry that has passed. */
const expired = (now: Date) => and(sql`${l.expiresAt} is not null`, lte(l.expiresAt, now))!;
const notExpired = (now: Date) => or(isNull(l.expiresAt), gt(l.expiresAt, now))!;
/** The successful payments reached the limit (single use: 1; limited: max_uses, 1 when missing, as usageLimit()). */
const limitReached = sql`(case ${l.usage} when 'SINGLE_USE' then ${l.currentUses} >= 1 when 'MULTIPLE_USE' then ${l.currentUses} >= coalesce(${l.maxUses}, 1) else false end)`;

/** The status as it reads at `now`, in SQL (linkStatus() in link-status.ts): deactivated beats expired beats used up. */
function statusAt(now: Date): SQL<string> {
  return sql<string>`(case when not ${l.active} then 'deactivated' when ${l.expiresAt} <= ${at(now)} then 'expired' when ${limitReached} then 'used_up' else 'active' end)`;
}

function statusCondition(statuses: readonly LinkStatus[], now: Date): SQL | undefined {
  if (!statuses.length) return undefined;
  return or(
    ...statuses.map((s) => {
      switch (s) {
        case "deactivated":
          return eq(l.active, false);
        case "expired":
          return and(eq(l.active, true), expired(now))!;
        case "used_up":
          return and(eq(l.active, true), notExpired(now), limitReached)!;
        case "active":
          return and(eq(l.active, true), notExpired(now), sql`not ${limitReached}`)!;
      }
    }),
  );
}

/** The name contains the text (case-insensitive, wildcards literal), or the short code is it (any case, with or without "/l/"). */
function textMatch(text: string): SQL | undefined {
  const q = text.trim();
  if (!q) return undefined;
  const code = q.replace(/^.*\/l\//, "").toLowerCase();
  return or(sql`${l.name} ilike ${`%${escapeLike(q)}%`}`, eq(l.shortCode, code));
}

/** The WHERE of the list and its count: the integrator, environment and market (inScope), the search and the filters. */
export function paymentLinksWhere(scope: Scope, filters: PaymentLinkFilters, now = new Date()): SQL {
  return and(
    inScope(l, scope, { market: true }),
    filters.linkType.length ? inArray(l.linkType, [...filters.linkType]) : undefined,
    filters.pricing.length ? inArray(l.pricing, [...filters.pricing]) : undefined,
    statusCondition(filters.status, now),
    textMatch(filters.q),
  )!;
}

/**
 * Every column but the logo's bytes (up to 512 kB each, never needed by a list): `logoData` reads
 * only whether there is one, which is all toLinkDto looks at (`hasLogo`).
 */
const { logoData, ...listedColumns } = getTableColumns(l);
const rowColumns = {
  ...listedColumns,
  logoData: sql<string | null>`(case when ${logoData} is null then null else 'stored' end)`,
};

function orderBy(column: PaymentLinkSortColumn, dir: "asc" | "desc", now: Date): SQL[] {
  const d = dir === "asc" ? asc : desc;
  const tie = [d(l.createdAt), d(l.id)];
  switch (column) {
    case "createdAt":
      return tie;
    case "name":
      return [d(sql`lower(${l.name})`), ...tie];
    case "status":
      return [d(statusAt(now)), ...tie];
    case "currentUses":
      return [d(l.currentUses), ...tie];
  }
}

/**
 * One page of the Payment Links table: the links of the scope's integrator, environment and
 * market, searched (name or short code) and filtered (status as it reads at `now`, type, pricing),
 * sorted, offset-paged with the total; each row with its payments and what they collected.
 * A page past the end answers the last page.
 */
export async function listPaymentLinks(
  db: Db,
  scope: Scope,
  params: PaymentLinksListQuery,
  now = new Date(),
): Promise<PaymentLinksListResponse> {
  const where = paymentLinksWhere(scope, params, now);
  const order = orderBy(params.sort.column, params.sort.dir, now);
  const { rows, total, page } = await offsetPage(
    params.page,
    params.size,
    async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(l).where(where))[0]?.n ?? 0),
    (offset, limit) => db.select(rowColumns).from(l).where(where).orderBy(...order).limit(limit).offset(offset),
  );
  const totals = await linkTotals(db, scope, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => toLinkDto(r, totals.get(r.id), now)),
    total,
    page,
    size: params.size,
    currency: scope.market.currency,
  };
}
