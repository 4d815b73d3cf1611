import "server-only";
import { principalScope, type Scope } from "@/lib/auth/principal";
import type { PaymentLinkRecord } from "./link-dto";

/**
 * The scope a checkout payment runs in: the link's integrator, environment and market, with the
 * payer as principal and no permissions at all. The engine's services take it like any other
 * scope, so a link payment is an ordinary collection (channel PAYMENT_LINK, origin payment_link).
 */
export function checkoutScope(link: PaymentLinkRecord, organization: string): Scope {
  return principalScope(
    { kind: "payment_link", linkId: link.id, shortCode: link.shortCode },
    { integratorId: link.integratorId, organization, timezone: "UTC", role: "checkout", environment: link.environment, market: { country: link.country, currency: link.currency } },
  );
}
