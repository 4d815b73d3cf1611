/**
 * The Customers list's params schema (zod): what GET /api/customers and /api/customers/export parse
 * (the one validation), and the server page through readForPage. Kept apart from
 * customers-contract.ts, which client components import, so zod stays on the server.
 */
import { z } from "zod";
import { listParam, pageParam, pageSizeParam, searchParam, sortParam } from "@/lib/client/list-params-schema";
import { CUSTOMER_DEFAULT_SORT, CUSTOMER_PAGE_SIZE, CUSTOMER_PAGE_SIZES, CUSTOMER_SORT_COLUMNS, CUSTOMER_STATUSES, customersSearchParams } from "./customers-contract";
import { createLoader } from "nuqs/server";

/** What GET /api/customers and /api/customers/export accept (the export ignores sort and paging). */
export const customersListSchema = z.object({
  /** A phone number in any typed form (0712…, 712…, 254712…, +254 712…), a name, an email or a customer key. */
  q: searchParam(100),
  /** ISO-2 countries among the organisation's markets; none = the selected market's country. */
  country: listParam(20, z.string().regex(/^[A-Z]{2}$/, "Unknown country")),
  network: listParam(20, z.string().regex(/^[A-Z0-9_]{1,40}$/, "Unknown network")),
  status: listParam(
    3,
    z.enum(CUSTOMER_STATUSES, { error: "Status must be active, inactive or suspended" }),
  ),
  sort: sortParam(CUSTOMER_SORT_COLUMNS, CUSTOMER_DEFAULT_SORT),
  page: pageParam,
  size: pageSizeParam(CUSTOMER_PAGE_SIZES, CUSTOMER_PAGE_SIZE),
});

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadCustomersSearchParams = createLoader(customersSearchParams);
