import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { PaymentLinkRecord } from "./link-dto";

/**
 * The scope a checkout payment runs in: the link's integrator, environment and market, with the
 * payer as principal and no permissions at all. The engine's services take it like any other
 * scope, so a link payment is an ordinary collection (channel PAYMENT_LINK, origin payment_link).
 */
export function checkoutScope(link: PaymentLinkRecord, organization: string): Scope {
  const market = { country: link.country, currency: link.currency };
  return {
    principal: { kind: "payment_link", linkId: link.id, shortCode: link.shortCode },
    integratorId: link.integratorId,
    organization,
    timezone: "UTC",
    role: "checkout",
    permissions: new Set(),
    environment: link.environment,
    market,
    markets: [market],
    productionEnabled: link.environment === "production",
    needsEnvironmentChoice: false,
  };
}
