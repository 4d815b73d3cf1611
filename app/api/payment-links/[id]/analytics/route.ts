import { gatedRoute } from "@/lib/auth/guard";
import { linkAnalyticsSchema, linkRouteIds } from "@/lib/payment-links/link-payments-contract-schema";
import { getLinkAnalytics } from "@/lib/payment-links/link-analytics";

/** The link's page views, payment attempts, successful payments, conversion and collected total, and the same per UTC day. */
export const GET = gatedRoute<typeof linkAnalyticsSchema, { id: string }>(
  "payment_links.read",
  linkAnalyticsSchema,
  async ({ db, scope, input, params }) => getLinkAnalytics(db, scope, linkRouteIds(params).id, { days: input.days }),
);
