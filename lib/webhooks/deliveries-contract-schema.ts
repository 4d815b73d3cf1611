/**
 * The webhook log's params schema (zod): what GET /api/webhooks/deliveries parses (the one
 * validation), and the server page through readForPage. Kept apart from
 * deliveries-contract.ts, which client components import, so zod stays on the server.
 */
import { z } from "zod";
import {
  checkDateRange,
  dayParam,
  listParam,
  pageParam,
  pageSizeParam,
  searchParam,
  sortParam,
  tzParam,
} from "@/lib/client/list-params-schema";
import { DELIVERY_EVENT_OPTIONS } from "./delivery-labels";
import { DELIVERY_DEFAULT_SORT, DELIVERY_PAGE_SIZE, DELIVERY_PAGE_SIZES, DELIVERY_SORT_COLUMNS, DELIVERY_STATUSES, deliveriesSearchParams } from "./deliveries-contract";
import { createLoader } from "nuqs/server";

/** An event name as stored (`transaction.deposit.status.updated`). */
const eventName = z.string().max(60, "Unknown event").regex(/^[a-z._]+$/, "Unknown event");

/** What GET /api/webhooks/deliveries accepts. */
export const deliveriesListSchema = z
  .object({
    /** An event name, a transaction reference or a URL: any part of it, any case. */
    // searchParam refuses NUL and the other control characters; a search of this log has no use for
    // a tab or a line break either (they are trimmed at the ends, refused inside).
    q: searchParam(200).refine((v) => !/[\t\n\r]/.test(v), "The search cannot contain control characters"),
    status: listParam(
      DELIVERY_STATUSES.length,
      z.enum(DELIVERY_STATUSES, { error: "Status must be COMPLETED, FAILED or PERMANENTLY_FAILED" }),
    ),
    event: listParam(DELIVERY_EVENT_OPTIONS.length + 10, eventName),
    /** First and last day included, in `tz` (the organisation's zone or UTC; default the organisation's). */
    from: dayParam,
    to: dayParam,
    tz: tzParam,
    sort: sortParam(DELIVERY_SORT_COLUMNS, DELIVERY_DEFAULT_SORT),
    page: pageParam,
    size: pageSizeParam(DELIVERY_PAGE_SIZES, DELIVERY_PAGE_SIZE),
  })
  .superRefine(checkDateRange);

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadDeliveriesSearchParams = createLoader(deliveriesSearchParams);
