import "server-only";
import { offsetPage } from "@/lib/db/offset-page";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { bulkBatches as b, bulkUploads as u, users } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { escapeLike } from "@/lib/customers/match";
import { toUploadDto, type BulkUploadStatus, type UploadBatchSummary } from "./dto";
import type {
  BulkUploadFilters,
  BulkUploadSortColumn,
  BulkUploadsListQuery,
  BulkUploadsListResponse,
} from "./uploads-contract";

const FINAL = sql.raw(`('completed', 'completed_with_errors', 'failed', 'cancelled')`);

/**
 * The upload's status from its batches, in SQL: the twin of uploadStatusOf() (dto.ts), for the
 * status filter (the tests keep the two equal).
 */
export const uploadStatusSql: SQL<BulkUploadStatus> = sql<BulkUploadStatus>`(select case
    when count(*) = 0 then 'pending'
    when bool_or(${b.status} in ('processing', 'awaiting_approval')) then 'processing'
    when bool_or(${b.status} not in ${FINAL}) then 'pending'
    when bool_and(${b.status} = 'completed') then 'completed'
    when bool_and(${b.status} = 'cancelled') then 'cancelled'
    when bool_or(${b.status} in ('completed', 'completed_with_errors')) then 'completed_with_errors'
    else 'failed' end
  from ${b} where ${b.uploadId} = ${u.id} and ${b.integratorId} = ${u.integratorId})`;

/** The name or the file's name contains the text (case-insensitive, wildcards literal). */
function textMatch(text: string): SQL | undefined {
  const q = text.trim();
  if (!q) return undefined;
  const like = `%${escapeLike(q)}%`;
  return or(sql`${u.name} ilike ${like}`, sql`${u.fileName} ilike ${like}`);
}

/**
 * The WHERE of the list and its count: the integrator and environment (inScope; no market — a
 * bulk payment spans currencies), confirmed uploads only (a draft is a file being checked), the
 * search and the status filter.
 */
export function bulkUploadsWhere(scope: Scope, filters: BulkUploadFilters): SQL {
  return and(
    inScope(u, scope),
    eq(u.status, "confirmed"),
    textMatch(filters.q),
    filters.status.length ? inArray(uploadStatusSql, [...filters.status]) : undefined,
  )!;
}

function orderBy(column: BulkUploadSortColumn, dir: "asc" | "desc"): SQL[] {
  const d = dir === "asc" ? asc : desc;
  const tie = [d(u.createdAt), d(u.id)];
  switch (column) {
    case "createdAt":
      return tie;
    case "name":
      return [d(sql`lower(${u.name})`), ...tie];
    case "totalRecipients":
      return [d(u.totalRecipients), ...tie];
  }
}

const uploadColumns = {
  id: u.id,
  name: u.name,
  description: u.description,
  fileName: u.fileName,
  totalRecipients: u.totalRecipients,
  createdAt: u.createdAt,
  createdByName: users.name,
  createdByEmail: users.email,
};

/** The batches of these uploads (status, currency, amount, retry), per upload id. */
export async function batchSummaries(db: Db, scope: Scope, uploadIds: readonly string[]): Promise<Map<string, UploadBatchSummary[]>> {
  const out = new Map<string, UploadBatchSummary[]>();
  if (!uploadIds.length) return out;
  const rows = await db
    .select({ uploadId: b.uploadId, status: b.status, currency: b.currency, totalAmount: b.totalAmount, retryOf: b.retryOf })
    .from(b)
    .where(and(inScope(b, scope), inArray(b.uploadId, [...uploadIds])))
    .orderBy(asc(b.createdAt), asc(b.id));
  for (const r of rows) {
    const list = out.get(r.uploadId) ?? [];
    list.push(r);
    out.set(r.uploadId, list);
  }
  return out;
}

/**
 * One page of the Bulk Payments table: the confirmed uploads of the scope's integrator and
 * environment (every currency), searched (name or file name), filtered by status (as read from
 * their batches), sorted, offset-paged with the total; each row with its recipients, totals per
 * currency and batches completed / failed. A page past the end answers the last page.
 */
export async function listBulkUploads(db: Db, scope: Scope, params: BulkUploadsListQuery): Promise<BulkUploadsListResponse> {
  const where = bulkUploadsWhere(scope, params);
  const order = orderBy(params.sort.column, params.sort.dir);
  const { rows, total, page } = await offsetPage(
    params.page,
    params.size,
    async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(u).where(where))[0]?.n ?? 0),
    (offset, limit) => db.select(uploadColumns).from(u).leftJoin(users, eq(users.id, u.createdBy)).where(where).orderBy(...order).limit(limit).offset(offset),
  );
  const batches = await batchSummaries(db, scope, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => toUploadDto(r, batches.get(r.id) ?? [])),
    total,
    page,
    size: params.size,
  };
}
