/**
 * A batch's items' params schema (zod): what GET /api/bulk-payments/batches/{batchId}/items parses
 * (the one validation), and the server page through readForPage. Kept apart from
 * items-contract.ts, which client components import, so zod stays on the server.
 */
import { z } from "zod";
import { listParam, pageParam, pageSizeParam, searchParam, sortParam } from "@/lib/client/list-params-schema";
import { BULK_ITEM_STATUSES } from "./constants";
import { BULK_ITEM_DEFAULT_SORT, BULK_ITEM_PAGE_SIZE, BULK_ITEM_PAGE_SIZES, BULK_ITEM_SORT_COLUMNS, batchItemsSearchParams } from "./items-contract";
import { createLoader } from "nuqs/server";

/** What GET /api/bulk-payments/batches/{batchId}/items accepts. */
export const batchItemsSchema = z.object({
  /** Part of the recipient's name, of the reference, or of the phone number (digits). */
  q: searchParam(100),
  status: listParam(
    BULK_ITEM_STATUSES.length,
    z.enum(BULK_ITEM_STATUSES as readonly [string, ...string[]], {
      error: "Status must be PENDING, PROCESSING, SUCCESS, FAILED, RETRY or CANCELLED",
    }),
  ),
  sort: sortParam(BULK_ITEM_SORT_COLUMNS, BULK_ITEM_DEFAULT_SORT),
  page: pageParam,
  size: pageSizeParam(BULK_ITEM_PAGE_SIZES, BULK_ITEM_PAGE_SIZE),
});

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadBatchItemsSearchParams = createLoader(batchItemsSearchParams);
