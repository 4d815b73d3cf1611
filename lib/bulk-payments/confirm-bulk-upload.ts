import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { bulkBatches, bulkItems, bulkUploads, fiatWallets } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { formatMoney } from "@/lib/money";
import { initialProgress } from "./progress";
import type { BulkRow, confirmBulkSchema, CurrencyGroup } from "./schemas";

export const BULK_CONFIRMED_MESSAGE = "Bulk payment created: process each batch to send it";
const ITEM_CHUNK = 1000;

/**
 * Confirm (§3.11 "batches/create"): the checked draft becomes the parent upload, one batch per
 * currency on the wallet chosen for it, and one item per recipient — in one database transaction.
 * Exactly once: the draft moves from draft to confirmed under its row lock, and the preview's
 * idempotency key returns the first answer to a double click or a second tab. The wallet must be
 * this integrator's, of the batch's currency, with enough payout balance for the batch's debit
 * ("Top up wallet for …" otherwise); nothing is debited until an item is sent.
 */
export async function confirmBulkUpload(
  db: Db,
  scope: Scope,
  input: z.output<typeof confirmBulkSchema>,
  meta?: Partial<RequestMeta>,
): Promise<{ uploadId: string; batchIds: string[]; message: string }> {
  const actor = actorOf(scope);
  try {
    return await db.transaction(async (tx) => {
      const [replayed] = await tx
        .select({ id: bulkUploads.id })
        .from(bulkUploads)
        .where(and(inScope(bulkUploads, scope), eq(bulkUploads.idempotencyKey, input.idempotencyKey)))
        .limit(1);
      if (replayed) return { uploadId: replayed.id, batchIds: await batchIdsOf(tx as unknown as Db, replayed.id), message: BULK_CONFIRMED_MESSAGE };

      const [draft] = await tx
        .select()
        .from(bulkUploads)
        .where(and(inScope(bulkUploads, scope), eq(bulkUploads.id, input.uploadId)))
        .for("update")
        .limit(1);
      if (!draft) throw new NotFoundError("This upload was not found. Upload the file again.");
      if (draft.status !== "draft") {
        return { uploadId: draft.id, batchIds: await batchIdsOf(tx as unknown as Db, draft.id), message: BULK_CONFIRMED_MESSAGE };
      }
      const summary = (draft.summary ?? {}) as { currencyBreakdown?: CurrencyGroup[]; duplicateOf?: { name: string; createdAt: string } | null };
      if (summary.duplicateOf && !input.acknowledgeDuplicate) {
        const msg = `This file was uploaded on ${summary.duplicateOf.createdAt.slice(0, 10)} as ${summary.duplicateOf.name}. Choose "Upload anyway" to pay it again.`;
        throw new ConflictError(msg, { acknowledgeDuplicate: [msg] });
      }
      const rows = (draft.rows ?? []) as BulkRow[];
      const groups = summary.currencyBreakdown ?? [];

      // One wallet per currency: this integrator's, this environment, the currency's, active, enough balance.
      const chosen = new Map(input.walletSelections.map((s, i) => [s.currency, { ...s, index: i }]));
      const wallets = new Map<string, { id: string; country: string | null; bearsFee: boolean }>();
      const errors: Record<string, string[]> = {};
      for (const g of groups) {
        const pick = chosen.get(g.currency);
        const field = pick ? `walletSelections.${pick.index}.walletId` : "walletSelections";
        if (!pick) {
          errors[field] = [`Choose a wallet for ${g.currency}`];
          continue;
        }
        const [w] = await tx
          .select()
          .from(fiatWallets)
          .where(and(inScope(fiatWallets, scope), eq(fiatWallets.id, pick.walletId)))
          .limit(1);
        if (!w || w.currency !== g.currency) {
          errors[field] = [`Choose one of your ${g.currency} wallets`];
          continue;
        }
        if (w.status !== "active" || w.locked) {
          errors[field] = [`${w.name} is ${w.locked ? "locked" : w.status}: choose another wallet`];
          continue;
        }
        const debit = BigInt(g.totalAmount) + (w.payoutFeeBearer === "WALLET" ? BigInt(g.totalFees) : 0n);
        if (w.payoutBalance < debit) {
          errors[field] = [
            `Top up wallet for ${g.currency}: ${formatMoney(w.payoutBalance, g.currency)} available, ${formatMoney(debit, g.currency)} needed`,
          ];
          continue;
        }
        wallets.set(g.currency, { id: w.id, country: w.country, bearsFee: w.payoutFeeBearer === "WALLET" });
      }
      if (Object.keys(errors).length) throw new ValidationError(Object.values(errors)[0][0], errors);

      const now = new Date();
      const batchIds: string[] = [];
      for (const g of groups) {
        const wallet = wallets.get(g.currency)!;
        const items = rows.filter((r) => r.currency === g.currency);
        const [batch] = await tx
          .insert(bulkBatches)
          .values({
            uploadId: draft.id,
            integratorId: scope.integratorId,
            environment: scope.environment,
            name: `${input.name} · ${g.currency}`.slice(0, 120),
            walletId: wallet.id,
            currency: g.currency,
            country: items[0]?.country ?? wallet.country ?? scope.market.country,
            status: "pending",
            totalAmount: BigInt(g.totalAmount),
            totalFees: BigInt(g.totalFees),
            totalDebit: BigInt(g.totalAmount) + (wallet.bearsFee ? BigInt(g.totalFees) : 0n),
            totalPayments: items.length,
            progress: initialProgress(now),
            createdBy: actor.userId,
          })
          .returning({ id: bulkBatches.id });
        batchIds.push(batch!.id);
        for (let i = 0; i < items.length; i += ITEM_CHUNK) {
          await tx.insert(bulkItems).values(
            items.slice(i, i + ITEM_CHUNK).map((r) => ({
              batchId: batch!.id,
              integratorId: scope.integratorId,
              environment: scope.environment,
              rowNo: r.rowNo,
              recipientName: r.recipientName,
              recipientEmail: r.recipientEmail,
              recipientPhone: r.recipientPhone,
              network: r.network,
              amount: BigInt(r.amount),
              currency: r.currency,
              country: r.country,
              reference: r.reference,
              description: r.description,
              metadata: r.metadata ?? null,
            })),
          );
        }
      }

      await tx
        .update(bulkUploads)
        .set({
          status: "confirmed",
          name: input.name,
          description: input.description || null,
          rows: null,
          idempotencyKey: input.idempotencyKey,
          confirmedBy: actor.userId,
          confirmedAt: sql`now()`,
        })
        .where(and(inScope(bulkUploads, scope), eq(bulkUploads.id, draft.id)));
      await writeAudit(tx, {
        ...auditedBy(scope, meta),
        action: "bulk_payment.confirmed",
        targetType: "bulk_upload",
        targetId: draft.id,
        metadata: {
          name: input.name,
          recipients: rows.length,
          batches: groups.map((g) => ({ currency: g.currency, recipients: g.recipients, totalAmount: g.totalAmount, walletId: wallets.get(g.currency)!.id })),
        },
      });
      return { uploadId: draft.id, batchIds, message: BULK_CONFIRMED_MESSAGE };
    });
  } catch (e) {
    // A reference confirmed meanwhile by another upload (bulk_items_reference_key).
    if ((e as { code?: string; cause?: { code?: string } })?.cause?.code === "23505" || (e as { code?: string }).code === "23505") {
      throw new ConflictError("A reference in this file was paid by another bulk payment meanwhile. Upload the file again to see which.");
    }
    throw e;
  }
}

async function batchIdsOf(db: Db, uploadId: string): Promise<string[]> {
  const rows = await db.select({ id: bulkBatches.id }).from(bulkBatches).where(eq(bulkBatches.uploadId, uploadId)).orderBy(bulkBatches.currency);
  return rows.map((r) => r.id);
}
