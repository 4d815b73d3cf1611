import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { withLedgerRetry } from "@/lib/ledger/ledger";
import { advanceTransaction } from "./advance-transaction";
import { CANCELLABLE_STATUSES } from "./statuses";

/**
 * Cancel a collection or payout the engine created while the network has not answered
 * (PENDING / INITIATED in the sandbox, or held for approval): CANCELLED, and a payout's debit
 * comes back. A settlement racing the cancel: whichever commits first wins, the other finds
 * nothing to change.
 */
export async function cancelTransaction(db: Db, scope: Scope, input: { transactionId: string }, meta?: Partial<RequestMeta>) {
  return withLedgerRetry(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: t.id, kind: t.kind, status: t.status, referenceId: t.referenceId })
        .from(t)
        .where(and(inScope(t, scope, { market: true }), eq(t.id, input.transactionId), isNotNull(t.origin)))
        .limit(1);
      if (!row || (row.kind !== "collection" && row.kind !== "payout")) throw new NotFoundError("Transaction not found");
      const needed = row.kind === "collection" ? "collections.create" : "payouts.create";
      if (!scope.permissions.has(needed)) throw new ForbiddenError("You do not have permission to cancel this transaction");
      const actor = actorOf(scope);
      const advanced = await advanceTransaction(tx, {
        integratorId: scope.integratorId,
        transactionId: row.id,
        to: "CANCELLED",
        from: [...CANCELLABLE_STATUSES, "INITIATED"],
        errorCode: "CANCELLED_BY_USER",
        errorMessage: `Cancelled by ${actor.email ?? "an API key"}`,
        actorId: actor.userId,
      });
      if (!advanced) throw new ConflictError(`This ${row.kind} is ${row.status.toLowerCase()} and can no longer be cancelled`);
      await writeAudit(tx, {
        ...auditedBy(scope, meta),
        action: "transaction.cancelled",
        targetType: "transaction",
        targetId: row.id,
        metadata: { kind: row.kind, referenceId: row.referenceId, from: row.status },
      });
      return { id: advanced.id, status: advanced.status, message: `The ${row.kind} was cancelled` };
    }),
  );
}
