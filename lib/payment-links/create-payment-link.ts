import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { paymentLinks } from "@/lib/db/schema";
import { toLinkDto, type PaymentLinkDto } from "./link-dto";
import { linkValues } from "./link-values";
import { LINK_CREATED_MESSAGE, type createPaymentLinkSchema } from "./schemas";
import { newShortCode } from "./short-code";

/**
 * "Create payment link" (§3.10) in the selected environment and market: the currency and country
 * are the market's; the short code is 50 random bits (unique in the table).
 */
export async function createPaymentLink(
  db: Db,
  scope: Scope,
  input: z.output<typeof createPaymentLinkSchema>,
  meta?: Partial<RequestMeta>,
): Promise<{ link: PaymentLinkDto; message: string }> {
  const { logo, ...values } = linkValues(scope, input);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(paymentLinks)
      .values({
        ...values,
        integratorId: scope.integratorId,
        environment: scope.environment,
        shortCode: newShortCode(),
        logoData: logo?.data ?? null,
        logoType: logo?.type ?? null,
        createdBy: actorOf(scope).userId,
      })
      .returning();
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "payment_link.created",
      targetType: "payment_link",
      targetId: created!.id,
      metadata: {
        name: created!.name,
        shortCode: created!.shortCode,
        pricing: created!.pricing,
        currency: created!.currency,
      },
    });
    return created!;
  });
  return { link: toLinkDto(row, undefined), message: LINK_CREATED_MESSAGE };
}
