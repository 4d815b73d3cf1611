import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { advanceTransaction } from "./advance-transaction";

/**
 * §3.9 "cancel": an offramp can be cancelled only while PENDING (no crypto has arrived, no fiat
 * has left the payout balance), so nothing moves but the status.
 */
export async function cancelOfframp(db: Db, scope: Scope, input: { transactionId: string }, meta?: Partial<RequestMeta>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: t.id, status: t.status, referenceId: t.referenceId })
      .from(t)
      .where(and(inScope(t, scope, { market: true }), eq(t.id, input.transactionId), eq(t.kind, "offramp")))
      .limit(1);
    if (!row) throw new NotFoundError("Offramp not found");
    const actor = actorOf(scope);
    const advanced = await advanceTransaction(tx, {
      integratorId: scope.integratorId,
      transactionId: row.id,
      to: "CANCELLED",
      from: ["PENDING"],
      engineOnly: false,
      errorCode: "CANCELLED_BY_USER",
      errorMessage: `Cancelled by ${actor.email ?? "an API key"}`,
      actorId: actor.userId,
    });
    if (!advanced) throw new ConflictError(`Only a pending offramp can be cancelled; this one is ${row.status.toLowerCase()}`);
    await writeAudit(tx, { ...auditedBy(scope, meta), action: "offramp.cancelled", targetType: "transaction", targetId: row.id, metadata: { referenceId: row.referenceId } });
    return { id: row.id, status: advanced.status, message: "The offramp was cancelled" };
  });
}
