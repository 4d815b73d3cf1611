import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { bulkItems, bulkUploads, feeSchedules, fiatWallets } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import type { FeeRule } from "@/lib/engine/fees";
import { checkBulkFile, parseBulkCsv, referencesUsedBefore } from "./csv";
import type { BulkIssue, BulkValidation, WalletChoice } from "./schemas";

/** The payout fee rules (mobile money) of the currencies the integrator has in this environment. */
export async function payoutFeeRules(db: Db, currencies: readonly string[]): Promise<Map<string, FeeRule>> {
  if (!currencies.length) return new Map();
  const rows = await db
    .select({ currency: feeSchedules.currency, percentBps: feeSchedules.percentBps, flat: feeSchedules.flat, minFee: feeSchedules.minFee, maxFee: feeSchedules.maxFee, maxAmount: feeSchedules.maxAmount })
    .from(feeSchedules)
    .where(and(inArray(feeSchedules.currency, [...currencies]), eq(feeSchedules.direction, "payout"), eq(feeSchedules.channel, "MOBILE_MONEY")));
  return new Map(rows.map(({ currency, ...rule }) => [currency, rule]));
}

/** The wallets that can pay each currency: active, unlocked, this environment. */
export async function walletChoices(db: Db, scope: Scope, currencies: readonly string[]): Promise<Record<string, WalletChoice[]>> {
  const out: Record<string, WalletChoice[]> = Object.fromEntries(currencies.map((c) => [c, []]));
  if (!currencies.length) return out;
  const rows = await db
    .select({
      id: fiatWallets.id,
      name: fiatWallets.name,
      currency: fiatWallets.currency,
      country: fiatWallets.country,
      payoutBalance: fiatWallets.payoutBalance,
      payoutFeeBearer: fiatWallets.payoutFeeBearer,
    })
    .from(fiatWallets)
    .where(and(inScope(fiatWallets, scope), inArray(fiatWallets.currency, [...currencies]), eq(fiatWallets.status, "active"), eq(fiatWallets.locked, false)))
    .orderBy(desc(fiatWallets.isPrimary), fiatWallets.createdAt);
  for (const w of rows) {
    out[w.currency]?.push({ ...w, payoutBalance: w.payoutBalance.toString(), payoutFeeBearer: w.payoutFeeBearer as WalletChoice["payoutFeeBearer"] });
  }
  return out;
}

/** References of `refs` already paid (or being paid) by a bulk payment of this integrator and environment. */
async function usedReferences(db: Db, scope: Scope, refs: readonly string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (let i = 0; i < refs.length; i += 1000) {
    const chunk = refs.slice(i, i + 1000);
    const rows = await db
      .select({ reference: bulkItems.reference })
      .from(bulkItems)
      .where(and(eq(bulkItems.integratorId, scope.integratorId), eq(bulkItems.environment, scope.environment), inArray(bulkItems.reference, chunk)));
    for (const r of rows) used.add(r.reference);
  }
  return used;
}

/**
 * "Upload": checks a CSV file in the reference's order (§3.11) — its hash against earlier uploads
 * (a duplicate is a warning, "Upload anyway"), the CSV format, the required columns, every row
 * (name, email, phone for the currency's countries, amount, currency enabled here, reference
 * present, unique in the file and never used before), the network — and answers every error and
 * warning with its row and column. A file without errors is kept as a draft (its checked rows) for
 * the preview's Confirm; a file with errors creates nothing.
 */
export async function validateBulkFile(
  db: Db,
  scope: Scope,
  input: { fileName: string; bytes: Uint8Array },
  meta?: Partial<RequestMeta>,
): Promise<BulkValidation> {
  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const [previous] = await db
    .select({ id: bulkUploads.id, name: bulkUploads.name, createdAt: bulkUploads.createdAt })
    .from(bulkUploads)
    .where(and(inScope(bulkUploads, scope), eq(bulkUploads.fileHash, fileHash), eq(bulkUploads.status, "confirmed")))
    .orderBy(desc(bulkUploads.createdAt))
    .limit(1);
  const duplicateOf = previous ? { uploadId: previous.id, name: previous.name, createdAt: previous.createdAt.toISOString() } : null;

  const markets = scope.markets.map((m) => ({ country: m.country, currency: m.currency }));
  const feeRules = await payoutFeeRules(db, [...new Set(markets.map((m) => m.currency))]);
  const checked = checkBulkFile(parseBulkCsv(input.bytes), { markets, feeRules });
  const used = await usedReferences(db, scope, checked.rows.map((r) => r.reference));
  const errors: BulkIssue[] = [...checked.errors, ...referencesUsedBefore(checked.rows, used)].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0),
  );
  const failedRows = new Set(errors.map((e) => e.row));
  const rows = checked.rows.filter((r) => !failedRows.has(r.rowNo));
  const isValid = errors.length === 0 && rows.length > 0;
  const currencies = checked.currencyBreakdown.map((g) => g.currency);

  let uploadId: string | null = null;
  await db.transaction(async (tx) => {
    if (isValid) {
      const [draft] = await tx
        .insert(bulkUploads)
        .values({
          integratorId: scope.integratorId,
          environment: scope.environment,
          name: input.fileName.replace(/\.csv$/i, "").slice(0, 100) || "Bulk payment",
          fileName: input.fileName,
          fileHash,
          status: "draft",
          totalRecipients: rows.length,
          rows,
          summary: { currencyBreakdown: checked.currencyBreakdown, warnings: checked.warnings.length, duplicateOf },
          createdBy: actorOf(scope).userId,
        })
        .returning({ id: bulkUploads.id });
      uploadId = draft!.id;
    }
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "bulk_payment.uploaded",
      targetType: "bulk_upload",
      targetId: uploadId ?? "-",
      outcome: isValid ? "success" : "failure",
      metadata: { fileName: input.fileName.slice(0, 200), fileHash, rows: checked.totalRecords, errors: errors.length, warnings: checked.warnings.length, duplicate: !!duplicateOf },
    });
  });

  return {
    isValid,
    uploadId,
    fileName: input.fileName,
    fileHash,
    totalRecords: checked.totalRecords,
    currencies,
    errors,
    warnings: checked.warnings,
    currencyBreakdown: checked.currencyBreakdown,
    duplicateOf,
    wallets: isValid ? await walletChoices(db, scope, currencies) : {},
  };
}

/** Drafts nobody confirmed within a day are deleted (the daily job). */
export async function purgeStaleDrafts(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(bulkUploads)
    .where(and(eq(bulkUploads.status, "draft"), sql`${bulkUploads.createdAt} < ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`))
    .returning({ id: bulkUploads.id });
  return gone.length;
}
