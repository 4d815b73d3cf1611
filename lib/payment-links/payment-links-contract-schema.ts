/**
 * The Payment Links list's params schema (zod): what GET /api/payment-links parses (the one
 * validation), and the server page through readForPage. Kept apart from
 * payment-links-contract.ts, which client components import, so zod stays on the server.
 */
import { z } from "zod";
import { listParam, pageParam, pageSizeParam, searchParam, sortParam } from "@/lib/client/list-params-schema";
import { LINK_STATUSES } from "./link-status";
import { LINK_TYPES, PRICING } from "./schemas";
import { PAYMENT_LINK_DEFAULT_SORT, PAYMENT_LINK_PAGE_SIZE, PAYMENT_LINK_PAGE_SIZES, PAYMENT_LINK_SORT_COLUMNS, paymentLinksSearchParams } from "./payment-links-contract";
import { createLoader } from "nuqs/server";

/** What GET /api/payment-links accepts. */
export const paymentLinksListSchema = z.object({
  /** Part of the link's name, or its short code (as printed in /l/{code}). */
  q: searchParam(100),
  /** The status as it reads now (deactivated beats expired beats used up). */
  status: listParam(
    LINK_STATUSES.length,
    z.enum(LINK_STATUSES, { error: "Status must be active, expired, deactivated or used_up" }),
  ),
  linkType: listParam(LINK_TYPES.length, z.enum(LINK_TYPES, { error: "Type must be STANDARD, INVOICE or DONATION" })),
  pricing: listParam(
    PRICING.length,
    z.enum(PRICING, { error: "Pricing must be FIXED, VARIABLE, PACKAGE or CUSTOMER_CHOICE" }),
  ),
  sort: sortParam(PAYMENT_LINK_SORT_COLUMNS, PAYMENT_LINK_DEFAULT_SORT),
  page: pageParam,
  size: pageSizeParam(PAYMENT_LINK_PAGE_SIZES, PAYMENT_LINK_PAGE_SIZE),
});

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadPaymentLinksSearchParams = createLoader(paymentLinksSearchParams);
