import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/auth/errors";
import { payoutApprovalThresholds as p } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { parseAmount } from "@/lib/money";

export interface ApprovalThreshold {
  currency: string;
  /** Minor units, as a string; null: payouts in this currency never wait. */
  threshold: string | null;
}

/** The approval threshold of each of the integrator's currencies in this environment. */
/** The currency's approval threshold in the scope's integrator and environment (minor units), or null when none is set. */
export async function approvalThresholdOf(db: Pick<Db, "select">, scope: Pick<Scope, "integratorId" | "environment">, currency: string): Promise<bigint | null> {
  const [rule] = await db
    .select({ threshold: p.threshold })
    .from(p)
    .where(and(eq(p.integratorId, scope.integratorId), eq(p.environment, scope.environment), eq(p.currency, currency)))
    .limit(1);
  return rule?.threshold ?? null;
}

export async function listApprovalThresholds(db: Db, scope: Scope): Promise<ApprovalThreshold[]> {
  const rows = await db.select({ currency: p.currency, threshold: p.threshold }).from(p).where(inScope(p, scope));
  const set = new Map(rows.map((r) => [r.currency, r.threshold.toString()]));
  const currencies = [...new Set(scope.markets.map((m) => m.currency))].sort();
  return currencies.map((currency) => ({ currency, threshold: set.get(currency) ?? null }));
}

/** Sets (or, with an empty amount, removes) a currency's approval threshold. */
export async function setApprovalThreshold(db: Db, scope: Scope, input: { currency: string; threshold: string }, meta?: Partial<RequestMeta>) {
  if (!scope.markets.some((m) => m.currency === input.currency)) {
    throw new ValidationError("Choose one of your currencies", { currency: ["Choose one of your currencies"] });
  }
  let threshold: bigint | null = null;
  if (input.threshold.trim() !== "") {
    const parsed = parseAmount(input.threshold, input.currency);
    if (!parsed.ok) throw new ValidationError(parsed.error, { threshold: [parsed.error] });
    threshold = parsed.minor;
  }
  const key = and(inScope(p, scope), eq(p.currency, input.currency));
  await db.transaction(async (tx) => {
    if (threshold === null) await tx.delete(p).where(key);
    else {
      await tx
        .insert(p)
        .values({ integratorId: scope.integratorId, environment: scope.environment, currency: input.currency, threshold, updatedBy: actorOf(scope).userId })
        .onConflictDoUpdate({ target: [p.integratorId, p.environment, p.currency], set: { threshold, updatedBy: actorOf(scope).userId, updatedAt: new Date() } });
    }
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "payout.approval_threshold_set",
      targetType: "currency",
      targetId: input.currency,
      metadata: { threshold: threshold?.toString() ?? "off" },
    });
  });
  return { currency: input.currency, threshold: threshold?.toString() ?? null };
}
