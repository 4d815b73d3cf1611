import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { paymentLinks, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import type { Tx } from "@/lib/ledger/ledger";
import { linkStatus, refusalOf, usageLimit } from "@/lib/payment-links/link-status";
import { LINK_NOT_FOUND, LINK_USED_UP } from "@/lib/payment-links/schemas";
import { OPEN_STATUSES } from "./statuses";

/**
 * A payment link's uses, kept by the engine so that concurrent payers can never get more
 * successful payments than the link allows. A new payment takes the link's row lock and is
 * refused when the successful payments plus those still in flight already fill the limit; the
 * use is counted when the payment succeeds (countLinkUse, from advanceTransaction), so a failed
 * or expired payment frees its place.
 */
export async function reserveLinkUse(tx: Tx, scope: Scope, linkId: string, now = new Date()): Promise<void> {
  const [link] = await tx
    .select()
    .from(paymentLinks)
    .where(and(inScope(paymentLinks, scope), eq(paymentLinks.id, linkId)))
    .for("update")
    .limit(1);
  if (!link) throw new NotFoundError(LINK_NOT_FOUND);
  const refusal = refusalOf(linkStatus(link, now));
  if (refusal) throw new ConflictError(refusal);
  const limit = usageLimit(link);
  if (limit === null) return;
  const [inFlight] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.paymentLinkId, linkId), eq(t.kind, "collection"), inArray(t.status, [...OPEN_STATUSES])));
  if (link.currentUses + Number(inFlight?.n ?? 0) >= limit) throw new ConflictError(LINK_USED_UP);
}

/** A link payment succeeded: one more use (advanceTransaction applies a status once, so this runs once). */
export async function countLinkUse(tx: Tx, linkId: string): Promise<void> {
  await tx
    .update(paymentLinks)
    .set({ currentUses: sql`${paymentLinks.currentUses} + 1`, updatedAt: sql`now()` })
    .where(eq(paymentLinks.id, linkId));
}
