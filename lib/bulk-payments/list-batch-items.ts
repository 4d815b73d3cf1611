import "server-only";
import { offsetPage } from "@/lib/db/offset-page";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { bulkBatches as b, bulkItems as i, bulkUploads as u, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { escapeLike, phonePrefixes } from "@/lib/customers/match";
import type { BatchItemFilters, BatchItemsQuery, BulkItemRow, BulkItemSortColumn, BulkItemsResponse } from "./items-contract";
import { BULK_BATCH_NOT_FOUND } from "./uploads-contract";

export interface ScopedBatch {
  id: string;
  uploadId: string;
  name: string;
  currency: string;
  country: string;
  status: string;
}

/** A batch of a confirmed upload of the scope's integrator and environment; anything else is NotFoundError. */
export async function findScopedBatch(db: Db, scope: Scope, batchId: string): Promise<ScopedBatch> {
  const [row] = await db
    .select({ id: b.id, uploadId: b.uploadId, name: b.name, currency: b.currency, country: b.country, status: b.status })
    .from(b)
    .innerJoin(u, and(eq(u.id, b.uploadId), inScope(u, scope), eq(u.status, "confirmed")))
    .where(and(inScope(b, scope), eq(b.id, batchId)))
    .limit(1);
  if (!row) throw new NotFoundError(BULK_BATCH_NOT_FOUND);
  return row;
}

/**
 * The search: the recipient's name or the reference contains the text (any case, wildcards
 * literal), or the phone number starts with what was typed in any usual form (0712…, +254 712…,
 * for the batch's countries) or contains its digits.
 */
function textMatch(text: string, countries: readonly string[]): SQL | undefined {
  const q = text.trim();
  if (!q) return undefined;
  const like = `%${escapeLike(q)}%`;
  const digits = q.replace(/\D/g, "");
  const phones = phonePrefixes(q, countries).map((prefix) => sql`${i.recipientPhone} like ${`${escapeLike(prefix)}%`}`);
  return or(
    sql`${i.recipientName} ilike ${like}`,
    sql`${i.reference} ilike ${like}`,
    ...phones,
    digits.length >= 3 ? sql`${i.recipientPhone} like ${`%${digits}%`}` : undefined,
  );
}

/** The WHERE of the items list, its count and the export: the batch's items (tenant first), the search and the status filter. */
export function batchItemsWhere(scope: Scope, batch: ScopedBatch, filters: BatchItemFilters): SQL {
  const countries = [...new Set([batch.country, ...scope.markets.filter((m) => m.currency === batch.currency).map((m) => m.country)])];
  return and(
    inScope(i, scope),
    eq(i.batchId, batch.id),
    filters.status.length ? inArray(i.status, [...filters.status]) : undefined,
    textMatch(filters.q, countries),
  )!;
}

function orderBy(column: BulkItemSortColumn, dir: "asc" | "desc"): SQL[] {
  const d = dir === "asc" ? asc : desc;
  const tie = [d(i.rowNo), d(i.id)];
  switch (column) {
    case "rowNo":
      return tie;
    case "amount":
      return [d(i.amount), ...tie];
    case "status":
      return [d(i.status), ...tie];
  }
}

/** The item columns with its current payout (left join on item.transaction_id, the same integrator). */
export function selectBatchItems(db: Db) {
  return db
    .select({
      id: i.id,
      rowNo: i.rowNo,
      recipientName: i.recipientName,
      recipientEmail: i.recipientEmail,
      recipientPhone: i.recipientPhone,
      network: i.network,
      amount: i.amount,
      fee: i.fee,
      currency: i.currency,
      reference: i.reference,
      description: i.description,
      metadata: i.metadata,
      status: i.status,
      errorMessage: i.errorMessage,
      retryCount: i.retryCount,
      payoutId: t.id,
      payoutReference: t.referenceId,
      payoutStatus: t.status,
    })
    .from(i)
    .leftJoin(t, and(eq(t.id, i.transactionId), eq(t.integratorId, i.integratorId)));
}

export type BatchItemRecord = Awaited<ReturnType<ReturnType<typeof selectBatchItems>["where"]>>[number];

export function toBulkItemRow(r: BatchItemRecord): BulkItemRow {
  return {
    id: r.id,
    rowNo: r.rowNo,
    recipientName: r.recipientName,
    recipientEmail: r.recipientEmail,
    recipientPhone: r.recipientPhone,
    network: r.network,
    amount: String(r.amount),
    fee: r.fee === null ? null : String(r.fee),
    currency: r.currency,
    reference: r.reference,
    status: r.status,
    errorMessage: r.errorMessage,
    retryCount: r.retryCount,
    payout: r.payoutId ? { id: r.payoutId, referenceId: r.payoutReference!, status: r.payoutStatus! } : null,
  };
}

/**
 * One page of a batch's items: the batch checked first (another integrator's or environment's,
 * or a draft's, is NotFoundError), then searched (name, reference, phone), filtered by status,
 * sorted (row number by default), offset-paged with the total; each with its payout's reference
 * and status. A page past the end answers the last page.
 */
export async function listBatchItems(db: Db, scope: Scope, batchId: string, params: BatchItemsQuery): Promise<BulkItemsResponse> {
  const batch = await findScopedBatch(db, scope, batchId);
  const where = batchItemsWhere(scope, batch, params);
  const order = orderBy(params.sort.column, params.sort.dir);
  const { rows, total, page } = await offsetPage(
    params.page,
    params.size,
    async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(i).where(where))[0]?.n ?? 0),
    (offset, limit) => selectBatchItems(db).where(where).orderBy(...order).limit(limit).offset(offset),
  );
  return { rows: rows.map(toBulkItemRow), total, page, size: params.size };
}
