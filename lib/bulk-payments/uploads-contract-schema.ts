/**
 * The Bulk Payments list's params schema (zod): what GET /api/bulk-payments parses (the one
 * validation), and the server page through readForPage. Kept apart from uploads-contract.ts,
 * which client components import, so zod stays on the server.
 */
import { z } from "zod";
import { listParam, pageParam, pageSizeParam, searchParam, sortParam } from "@/lib/client/list-params-schema";
import { BULK_UPLOAD_STATUSES } from "./dto";
import { BULK_UPLOAD_DEFAULT_SORT, BULK_UPLOAD_PAGE_SIZE, BULK_UPLOAD_PAGE_SIZES, BULK_UPLOAD_SORT_COLUMNS, bulkUploadsSearchParams } from "./uploads-contract";
import { createLoader } from "nuqs/server";

/** What GET /api/bulk-payments accepts. */
export const bulkUploadsListSchema = z.object({
  /** Part of the bulk payment's name or of its file's name. */
  q: searchParam(100),
  /** The upload's status, as read from its batches. */
  status: listParam(
    BULK_UPLOAD_STATUSES.length,
    z.enum(BULK_UPLOAD_STATUSES, {
      error: "Status must be pending, processing, completed, completed_with_errors, failed or cancelled",
    }),
  ),
  sort: sortParam(BULK_UPLOAD_SORT_COLUMNS, BULK_UPLOAD_DEFAULT_SORT),
  page: pageParam,
  size: pageSizeParam(BULK_UPLOAD_PAGE_SIZES, BULK_UPLOAD_PAGE_SIZE),
});

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadBulkUploadsSearchParams = createLoader(bulkUploadsSearchParams);
