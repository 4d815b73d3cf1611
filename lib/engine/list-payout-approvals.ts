import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { payoutApprovals, transactions as t, users } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { isoUtc } from "@/lib/transactions/query";
import { AWAITING_APPROVAL } from "./statuses";

export interface PayoutApprovalRow {
  id: string;
  referenceId: string;
  currency: string;
  channel: string;
  phoneNumber: string | null;
  recipient: Record<string, string> | null;
  amount: string;
  fee: string;
  walletAmount: string;
  threshold: string;
  requestedBy: string;
  requestedByEmail: string | null;
  /** false for the member who sent it: nobody approves their own. */
  canApprove: boolean;
  createdAt: string;
}

/** The Approvals view: payouts of the selected currency waiting for a second member, oldest first. */
export async function listPayoutApprovals(db: Db, scope: Scope): Promise<PayoutApprovalRow[]> {
  const me = scope.principal.kind === "session" ? scope.principal.userId : null;
  const rows = await db
    .select({
      id: t.id,
      referenceId: t.referenceId,
      currency: t.currency,
      channel: t.channel,
      phoneNumber: t.phoneNumber,
      metadata: t.metadata,
      amount: t.amount,
      fee: t.fee,
      walletAmount: t.walletAmount,
      threshold: payoutApprovals.threshold,
      requestedBy: payoutApprovals.requestedBy,
      requestedByEmail: users.email,
      createdAt: isoUtc(t.createdAt),
    })
    .from(t)
    .innerJoin(payoutApprovals, eq(payoutApprovals.transactionId, t.id))
    .leftJoin(users, eq(users.id, payoutApprovals.requestedBy))
    .where(and(inScope(t, scope, { market: "currency" }), eq(t.status, AWAITING_APPROVAL)))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(200);
  return rows.map(({ metadata, ...r }) => ({
    ...r,
    recipient: (metadata?.recipient as Record<string, string> | undefined) ?? null,
    amount: r.amount.toString(),
    fee: r.fee.toString(),
    walletAmount: (r.walletAmount ?? 0n).toString(),
    threshold: r.threshold.toString(),
    canApprove: me !== null && r.requestedBy !== me && scope.permissions.has("payouts.approve"),
  }));
}
