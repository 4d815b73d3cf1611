import "server-only";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { paymentLinks } from "@/lib/db/schema";
import { toJson } from "@/lib/json";
import { linkInScope, linkTotals, toLinkDto, type PaymentLinkDto } from "./link-dto";
import { linkValues } from "./link-values";
import { LINK_NOT_FOUND, LINK_UPDATED_MESSAGE, type updatePaymentLinkSchema } from "./schemas";

/**
 * "Edit" a link of the selected environment and market. The short code never changes (it is
 * printed on posters). A limit cannot go below the payments already made.
 */
export async function updatePaymentLink(
  db: Db,
  scope: Scope,
  input: z.output<typeof updatePaymentLinkSchema>,
  meta?: Partial<RequestMeta>,
): Promise<{ link: PaymentLinkDto; message: string }> {
  const { linkId, ...form } = input;
  const { logo, ...values } = linkValues(scope, form);
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(paymentLinks).where(linkInScope(scope, linkId)).for("update").limit(1);
    if (!before) throw new NotFoundError(LINK_NOT_FOUND);
    if (values.maxUses !== null && values.maxUses < before.currentUses) {
      const msg = `It has been paid ${before.currentUses} times already: allow at least that many`;
      throw new ConflictError(msg, { maxUses: [msg] });
    }
    const [after] = await tx
      .update(paymentLinks)
      .set({ ...values, ...(logo ? { logoData: logo.data, logoType: logo.type } : {}), updatedAt: sql`now()` })
      .where(linkInScope(scope, linkId))
      .returning();
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => toJson(before[k]) !== toJson(after![k]));
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "payment_link.updated",
      targetType: "payment_link",
      targetId: linkId,
      metadata: { name: after!.name, shortCode: after!.shortCode, changed: logo ? [...changed, "logo"] : changed },
    });
    return after!;
  });
  const totals = await linkTotals(db, scope, [row.id]);
  return { link: toLinkDto(row, totals.get(row.id)), message: LINK_UPDATED_MESSAGE };
}
