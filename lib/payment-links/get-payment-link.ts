import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { paymentLinks } from "@/lib/db/schema";
import { linkInScope, linkTotals, toLinkDto, type PaymentLinkDto } from "./link-dto";
import { LINK_NOT_FOUND } from "./schemas";

/** One link of the selected environment and market, with its totals; any other id is not found. */
export async function getPaymentLink(db: Db, scope: Scope, id: string, now = new Date()): Promise<PaymentLinkDto> {
  const [row] = await db.select().from(paymentLinks).where(linkInScope(scope, id)).limit(1);
  if (!row) throw new NotFoundError(LINK_NOT_FOUND);
  const totals = await linkTotals(db, scope, [row.id]);
  return toLinkDto(row, totals.get(row.id), now);
}
