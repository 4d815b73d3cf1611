import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, type SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { transactions as t, webhookDeliveries as w } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { offsetPage } from "@/lib/db/offset-page";
import { escapeLike, isoUtc } from "@/lib/transactions/query";
import { isValidTimeZone, zonedRange } from "@/lib/transactions/dates";
import type { DeliveryStatus } from "./events";
import {
  DELIVERY_PAGE_SIZE,
  type DeliveriesListQuery,
  type DeliveryTransaction,
  type WebhookDeliveriesResponse,
  type WebhookDeliveryRow,
} from "./deliveries-contract";

/** A later attempt of the same delivery (the subquery that tells whether an attempt is the latest). */
const LATER = "later_attempt";
const later = alias(w, LATER);

/** An ISO timestamp that may be null. */
const isoOrNull = (column: typeof w.nextAttemptAt) => sql<string | null>`case when ${column} is null then null else ${isoUtc(column)} end`;

/** The columns a row is built from: the attempt, and the transaction it is about (same integrator and environment). */
export const deliveryRowColumns = {
  id: w.id,
  deliveryKey: w.deliveryKey,
  event: w.event,
  mode: w.mode,
  url: w.url,
  status: w.status,
  responseStatus: w.responseStatus,
  durationMs: w.durationMs,
  attempt: w.attempt,
  nextAttemptAt: isoOrNull(w.nextAttemptAt),
  isLatest: sql<boolean>`not exists (select 1 from ${w} as ${sql.identifier(LATER)} where ${later.deliveryKey} = ${w.deliveryKey} and ${later.attempt} > ${w.attempt} and ${later.integratorId} = ${w.integratorId})`,
  resendOf: w.resendOf,
  error: w.error,
  createdAt: isoUtc(w.createdAt),
  txId: t.id,
  txReference: t.referenceId,
  txKind: t.kind,
  txCountry: t.country,
  txCurrency: t.currency,
};

interface DeliveryRecord {
  id: string;
  deliveryKey: string;
  event: string;
  mode: string;
  url: string;
  status: string;
  responseStatus: number | null;
  durationMs: number | null;
  attempt: number;
  nextAttemptAt: string | null;
  isLatest: boolean | string;
  resendOf: string | null;
  error: string | null;
  createdAt: string;
  txId: string | null;
  txReference: string | null;
  txKind: string | null;
  txCountry: string | null;
  txCurrency: string | null;
}

/** The attempts of the scope (integrator and environment) with their transaction, if any. */
export function selectDeliveries<T extends SelectedFields>(db: Db, columns: T) {
  return db
    .select(columns)
    .from(w)
    .leftJoin(t, and(eq(t.id, w.transactionId), eq(t.integratorId, w.integratorId), eq(t.environment, w.environment)));
}

export function toDeliveryRow(r: DeliveryRecord): WebhookDeliveryRow {
  const transaction: DeliveryTransaction | null =
    r.txId && r.txReference && r.txKind && r.txCountry && r.txCurrency
      ? {
          id: r.txId,
          referenceId: r.txReference,
          kind: r.txKind as DeliveryTransaction["kind"],
          country: r.txCountry,
          currency: r.txCurrency,
        }
      : null;
  return {
    id: r.id,
    deliveryKey: r.deliveryKey,
    event: r.event,
    mode: r.mode,
    url: r.url,
    status: r.status as DeliveryStatus,
    responseStatus: r.responseStatus,
    durationMs: r.durationMs,
    attempt: r.attempt,
    nextAttemptAt: r.nextAttemptAt,
    // PGlite and node-postgres both answer booleans; be lenient with "t"/"f" all the same.
    isLatest: r.isLatest === true || r.isLatest === "t" || r.isLatest === "true",
    resendOf: r.resendOf,
    error: r.error,
    createdAt: r.createdAt,
    transaction,
  };
}

/** What the list filters by: the contract's parsed query, or (tests) a part of it. */
export type DeliveriesInput = Partial<DeliveriesListQuery>;

/**
 * The WHERE of the log: the tenant filter first (integrator and environment), then the status and
 * event filters, the search (any part of the event name, the URL or the transaction's reference,
 * any case) and the date range in the organisation's zone or UTC.
 */
export function deliveriesWhere(scope: Scope, f: DeliveriesInput): SQL {
  const conds: (SQL | undefined)[] = [inScope(w, scope)];
  if (f.status?.length) conds.push(inArray(w.status, f.status));
  if (f.event?.length) conds.push(inArray(w.event, f.event));
  const q = f.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conds.push(or(ilike(w.event, pattern), ilike(w.url, pattern), ilike(t.referenceId, pattern)));
  }
  const zone = f.tz && (f.tz === "UTC" || f.tz === scope.timezone) && isValidTimeZone(f.tz) ? f.tz : scope.timezone;
  const { start, end } = zonedRange(f.from, f.to, zone);
  if (start) conds.push(gte(w.createdAt, start));
  if (end) conds.push(lt(w.createdAt, end));
  return and(...conds)!;
}

/**
 * One page of the webhook log (one row per attempt), newest first unless sorted otherwise, with
 * the total. A page past the end answers the last page. Another integrator's or environment's
 * attempts never show.
 */
export async function listWebhookDeliveries(db: Db, scope: Scope, params: DeliveriesInput = {}): Promise<WebhookDeliveriesResponse> {
  const size = params.size ?? DELIVERY_PAGE_SIZE;
  const d = params.sort?.dir === "asc" ? asc : desc;
  const where = deliveriesWhere(scope, params);
  const needsJoin = Boolean(params.q?.trim());
  const { rows, total, page } = await offsetPage(
    params.page ?? 1,
    size,
    async () => {
      const count = needsJoin
        ? selectDeliveries(db, { n: sql<number>`count(*)::int` }).where(where)
        : db.select({ n: sql<number>`count(*)::int` }).from(w).where(where);
      return Number((await count)[0]?.n ?? 0);
    },
    (offset, limit) =>
      selectDeliveries(db, deliveryRowColumns)
        .where(where)
        .orderBy(d(w.createdAt), d(w.attempt), d(w.id))
        .limit(limit)
        .offset(offset),
  );
  return { rows: rows.map(toDeliveryRow), total, page, size };
}
