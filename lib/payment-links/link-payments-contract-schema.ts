/**
 * A payment link's payments' params schemas (zod): what GET /api/payment-links/{id}/payments, its
 * export and …/analytics parse (the one validation), and the server page through readForPage;
 * with the routes' `[id]` check (its message lives in ./schemas, a zod module). Kept apart from
 * link-payments-contract.ts, which client components import, so zod stays on the server.
 */
import { z } from "zod";
import { NotFoundError } from "@/lib/auth/errors";
import { listParam, pageParam, pageSizeParam, searchParam, single, sortParam } from "@/lib/client/list-params-schema";
import { LINK_NOT_FOUND } from "./schemas";
import { LINK_ANALYTICS_DAYS, LINK_ANALYTICS_MAX_DAYS, LINK_PAYMENT_DEFAULT_SORT, LINK_PAYMENT_OUTCOMES, LINK_PAYMENT_PAGE_SIZE, LINK_PAYMENT_PAGE_SIZES, LINK_PAYMENT_SORT_COLUMNS, LINK_ROUTE_ID, linkPaymentsSearchParams } from "./link-payments-contract";
import { createLoader } from "nuqs/server";

/** The route's `[id]` (and `[paymentId]`) checked: anything else is the link's "not found" (404), like another integrator's id. */
export function linkRouteIds<P extends { id: string; paymentId?: string }>(params: P): P {
  if (!LINK_ROUTE_ID.test(params.id)) throw new NotFoundError(LINK_NOT_FOUND);
  if (params.paymentId !== undefined && !LINK_ROUTE_ID.test(params.paymentId)) throw new NotFoundError("Payment not found.");
  return params;
}

/** What GET /api/payment-links/{id}/payments and …/payments/export accept (the export ignores sort and paging). */
export const linkPaymentsSchema = z.object({
  /** A reference (its beginning, any case) or a phone number's beginning in any typed form (0712…, +254712…). */
  q: searchParam(100),
  status: listParam(
    LINK_PAYMENT_OUTCOMES.length,
    z.enum(LINK_PAYMENT_OUTCOMES, { error: "Status must be successful, pending or failed" }),
  ),
  sort: sortParam(LINK_PAYMENT_SORT_COLUMNS, LINK_PAYMENT_DEFAULT_SORT),
  page: pageParam,
  size: pageSizeParam(LINK_PAYMENT_PAGE_SIZES, LINK_PAYMENT_PAGE_SIZE),
});

/** What GET /api/payment-links/{id}/analytics accepts. */
export const linkAnalyticsSchema = z.object({
  days: single(
    z.coerce
      .number()
      .int("Days must be a whole number")
      .min(1, "Days must be 1 or more")
      .max(LINK_ANALYTICS_MAX_DAYS, `Days must be at most ${LINK_ANALYTICS_MAX_DAYS}`)
      .optional()
      .default(LINK_ANALYTICS_DAYS),
  ),
});

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadLinkPaymentsSearchParams = createLoader(linkPaymentsSearchParams);
