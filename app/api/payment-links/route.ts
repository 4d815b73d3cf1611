import { gatedRoute } from "@/lib/auth/guard";
import { paymentLinksListSchema } from "@/lib/payment-links/payment-links-contract-schema";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";

/** The Payment Links table: one page (search, status, type and pricing filters, sort, paging) with each link's totals. */
export const GET = gatedRoute("payment_links.read", paymentLinksListSchema, async ({ db, scope, input }) =>
  listPaymentLinks(db, scope, input),
);
