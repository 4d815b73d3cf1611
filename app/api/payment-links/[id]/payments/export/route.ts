import { gatedRoute } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv";
import { linkPaymentsSchema, linkRouteIds } from "@/lib/payment-links/link-payments-contract-schema";
import { exportLinkPayments } from "@/lib/payment-links/export-link-payments";

/** GET /api/payment-links/{id}/payments/export?<same filters as the list>: the link's payments as a streamed CSV download. */
export const GET = gatedRoute<typeof linkPaymentsSchema, { id: string }>(
  "payment_links.read",
  linkPaymentsSchema,
  async ({ db, scope, input, params }) => {
    const { filename, header, lines } = await exportLinkPayments(db, scope, linkRouteIds(params).id, input);
    return csvResponse(filename, header, lines);
  },
);
