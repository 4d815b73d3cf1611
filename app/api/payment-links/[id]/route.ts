import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";
import { linkRouteIds } from "@/lib/payment-links/link-payments-contract-schema";

/** One payment link of the selected environment and market, with its totals (the link detail page). */
export const GET = gatedRoute<z.ZodObject, { id: string }>("payment_links.read", z.object({}), async ({ db, scope, params }) =>
  getPaymentLink(db, scope, linkRouteIds(params).id),
);
