import { gatedRoute } from "@/lib/auth/guard";
import { linkPaymentsSchema, linkRouteIds } from "@/lib/payment-links/link-payments-contract-schema";
import { listLinkPayments } from "@/lib/payment-links/list-link-payments";

/** A page of the link's payments (search, outcome filter, sort, paging). */
export const GET = gatedRoute<typeof linkPaymentsSchema, { id: string }>(
  "payment_links.read",
  linkPaymentsSchema,
  async ({ db, scope, input, params }) => listLinkPayments(db, scope, linkRouteIds(params).id, input),
);
