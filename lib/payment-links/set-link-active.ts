import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { paymentLinks } from "@/lib/db/schema";
import { linkInScope, linkTotals, toLinkDto, type PaymentLinkDto } from "./link-dto";
import { LINK_NOT_FOUND, type SetLinkActiveInput } from "./schemas";

/**
 * "Deactivate" / "Reactivate". A deactivated link's checkout refuses at once; payments already
 * started on it still settle. Doing what is already done changes nothing and writes no audit row.
 */
export async function setLinkActive(
  db: Db,
  scope: Scope,
  input: Required<SetLinkActiveInput>,
  meta?: Partial<RequestMeta>,
): Promise<{ link: PaymentLinkDto; message: string }> {
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(paymentLinks).where(linkInScope(scope, input.linkId)).for("update").limit(1);
    if (!before) throw new NotFoundError(LINK_NOT_FOUND);
    if (before.active === input.active) return before;
    const [after] = await tx
      .update(paymentLinks)
      .set({ active: input.active, deactivatedAt: input.active ? null : sql`now()`, updatedAt: sql`now()` })
      .where(linkInScope(scope, input.linkId))
      .returning();
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: input.active ? "payment_link.reactivated" : "payment_link.deactivated",
      targetType: "payment_link",
      targetId: before.id,
      metadata: { name: before.name, shortCode: before.shortCode },
    });
    return after!;
  });
  const totals = await linkTotals(db, scope, [row.id]);
  return { link: toLinkDto(row, totals.get(row.id)), message: input.active ? "Payment link reactivated" : "Payment link deactivated" };
}
