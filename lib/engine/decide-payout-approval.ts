import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { requireMember, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { payoutApprovals, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { auditedBy, auditRefusals, writeAudit } from "@/lib/audit/write-audit";
import { withLedgerRetry } from "@/lib/ledger/ledger";
import { advanceTransaction } from "./advance-transaction";
import { scheduleProcessing } from "./process-transaction";
import { AWAITING_APPROVAL } from "./statuses";

export const SELF_APPROVAL_MESSAGE = "You cannot approve a payout you sent: another member must approve it";

/**
 * Maker-checker: another member with payouts.approve approves a held payout (it proceeds to the
 * network) or rejects it with a reason (DECLINED: its reservation comes back). Nobody approves
 * their own. Two approvers at once: the first decision wins, the second is told it is decided.
 */
export async function decidePayoutApproval(
  db: Db,
  scope: Scope,
  input: { transactionId: string; decision: "approve" | "reject"; reason?: string },
  meta?: Partial<RequestMeta>,
) {
  const member = requireMember(scope);
  const action = input.decision === "approve" ? "payout.approved" : "payout.rejected";
  // A refused self-approval is recorded as denied (the gate's rule for refusals by permission).
  return auditRefusals(
    db,
    { ...auditedBy(scope, meta), action, targetType: "transaction", targetId: input.transactionId },
    () =>
      withLedgerRetry(() =>
        db.transaction(async (tx) => {
          const [held] = await tx
            .select({
              id: t.id,
              referenceId: t.referenceId,
              amount: t.amount,
              currency: t.currency,
              requestedBy: payoutApprovals.requestedBy,
            })
            .from(t)
            .innerJoin(payoutApprovals, eq(payoutApprovals.transactionId, t.id))
            .where(and(inScope(t, scope, { market: "currency" }), eq(t.id, input.transactionId), eq(t.kind, "payout")))
            .limit(1);
          if (!held) throw new NotFoundError("Payout not found");
          if (input.decision === "approve" && held.requestedBy === member.userId)
            throw new ForbiddenError(SELF_APPROVAL_MESSAGE);

          const decided = await tx
            .update(payoutApprovals)
            .set({
              decision: input.decision === "approve" ? "approved" : "rejected",
              decidedBy: member.userId,
              reason: input.reason?.trim() || null,
              decidedAt: new Date(),
            })
            .where(and(eq(payoutApprovals.transactionId, held.id), isNull(payoutApprovals.decision)))
            .returning({ id: payoutApprovals.transactionId });
          if (decided.length === 0) throw new ConflictError("This payout was already decided");

          const advanced =
            input.decision === "approve"
              ? await advanceTransaction(tx, {
                  integratorId: scope.integratorId,
                  transactionId: held.id,
                  to: "PENDING",
                  from: [AWAITING_APPROVAL],
                  note: `Approved by ${member.email}`,
                  actorId: member.userId,
                })
              : await advanceTransaction(tx, {
                  integratorId: scope.integratorId,
                  transactionId: held.id,
                  to: "DECLINED",
                  from: [AWAITING_APPROVAL],
                  errorCode: "REJECTED",
                  errorMessage: `Rejected by ${member.email}: ${input.reason?.trim()}`,
                  actorId: member.userId,
                });
          if (!advanced) throw new ConflictError("This payout is no longer waiting for approval");
          if (input.decision === "approve") await scheduleProcessing(tx, advanced);

          await writeAudit(tx, {
            ...auditedBy(scope, meta),
            action,
            targetType: "transaction",
            targetId: held.id,
            metadata: {
              referenceId: held.referenceId,
              amount: held.amount.toString(),
              currency: held.currency,
              reason: input.reason?.trim() || undefined,
            },
          });
          return {
            id: held.id,
            status: advanced.status,
            message:
              input.decision === "approve"
                ? "Payout approved: it is on its way"
                : "Payout rejected: the reserved amount is back in the payout balance",
          };
        }),
      ),
    { outcome: "denied", only: ForbiddenError },
  );
}
