import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { bulkBatches as b, bulkItems as i, bulkUploads as u, fiatWallets, users } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { countsFrom, toBatchDto, toUploadDto, type BulkBatchDto, type BulkItemCounts, type BulkUploadDto } from "./dto";
import { BULK_UPLOAD_NOT_FOUND } from "./uploads-contract";

const approver = alias(users, "approver");
const processor = alias(users, "processor");

/** Per batch of `batchIds`: its items per status. One grouped query (bulk_items_batch_idx). */
export async function batchItemCounts(db: Db, scope: Scope, batchIds: readonly string[]): Promise<Map<string, BulkItemCounts>> {
  const out = new Map<string, BulkItemCounts>();
  if (!batchIds.length) return out;
  const rows = await db
    .select({ batchId: i.batchId, status: i.status, n: sql<number>`count(*)::int` })
    .from(i)
    .where(and(inScope(i, scope), inArray(i.batchId, [...batchIds])))
    .groupBy(i.batchId, i.status);
  const grouped = new Map<string, { status: string; n: number }[]>();
  for (const r of rows) grouped.set(r.batchId, [...(grouped.get(r.batchId) ?? []), r]);
  for (const id of batchIds) out.set(id, countsFrom(grouped.get(id) ?? []));
  return out;
}

/** The batches of one upload, oldest first, with their wallet's name and who processed / approved them. */
async function uploadBatches(db: Db, scope: Scope, uploadId: string) {
  return db
    .select({
      id: b.id,
      uploadId: b.uploadId,
      name: b.name,
      currency: b.currency,
      country: b.country,
      walletId: b.walletId,
      walletName: fiatWallets.name,
      status: b.status,
      totalAmount: b.totalAmount,
      totalFees: b.totalFees,
      totalDebit: b.totalDebit,
      totalPayments: b.totalPayments,
      progress: b.progress,
      retryOf: b.retryOf,
      createdAt: b.createdAt,
      startedAt: b.startedAt,
      completedAt: b.completedAt,
      approvedByEmail: approver.email,
      processedByEmail: processor.email,
    })
    .from(b)
    .leftJoin(fiatWallets, and(eq(fiatWallets.id, b.walletId), eq(fiatWallets.integratorId, b.integratorId)))
    .leftJoin(approver, eq(approver.id, b.approvedBy))
    .leftJoin(processor, eq(processor.id, b.processedBy))
    .where(and(inScope(b, scope), eq(b.uploadId, uploadId)))
    .orderBy(asc(b.createdAt), asc(b.currency), asc(b.id));
}

/**
 * One confirmed upload of the scope's integrator and environment, with its batches (each with its
 * items per status, one grouped query). A draft, another integrator's or environment's id, or an
 * unknown one is NotFoundError.
 */
export async function getBulkUpload(db: Db, scope: Scope, uploadId: string): Promise<BulkUploadDto> {
  const [row] = await db
    .select({
      id: u.id,
      name: u.name,
      description: u.description,
      fileName: u.fileName,
      totalRecipients: u.totalRecipients,
      createdAt: u.createdAt,
      createdByName: users.name,
      createdByEmail: users.email,
    })
    .from(u)
    .leftJoin(users, eq(users.id, u.createdBy))
    .where(and(inScope(u, scope), eq(u.id, uploadId), eq(u.status, "confirmed")))
    .limit(1);
  if (!row) throw new NotFoundError(BULK_UPLOAD_NOT_FOUND);
  const batches = await uploadBatches(db, scope, row.id);
  const counts = await batchItemCounts(db, scope, batches.map((x) => x.id));
  const detail: BulkBatchDto[] = batches.map((x) => toBatchDto(x, counts.get(x.id)));
  return toUploadDto(row, batches, detail);
}
