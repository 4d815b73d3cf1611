/**
 * A customer's transactions' params schema (zod): what GET /api/customers/{id}/transactions parses
 * (the one validation), and the server page through readForPage; with the route's `[id]` check
 * (its message lives in ./schemas, a zod module). Kept apart from
 * customer-transactions-contract.ts, which client components import, so zod stays on the server.
 */
import { z } from "zod";
import { NotFoundError } from "@/lib/auth/errors";
import { listParam, pageParam, pageSizeParam, single } from "@/lib/client/list-params-schema";
import { decodeCursor } from "@/lib/transactions/list-contract";
import { CUSTOMER_NOT_FOUND } from "./schemas";
import { CUSTOMER_ID_PATTERN, CUSTOMER_TX_KINDS, CUSTOMER_TX_PAGE_SIZE, CUSTOMER_TX_PAGE_SIZES, CUSTOMER_TX_STATUSES, customerTransactionsSearchParams } from "./customer-transactions-contract";
import { createLoader } from "nuqs/server";

/** The route's `[id]` checked: anything else is "Customer not found." (404), like another integrator's customer. */
export function customerRouteId(params: { id: string }): string {
  if (!CUSTOMER_ID_PATTERN.test(params.id)) throw new NotFoundError(CUSTOMER_NOT_FOUND);
  return params.id;
}

const statusToken = z
  .string()
  .max(40)
  .refine((v) => CUSTOMER_TX_STATUSES.includes(v), "Unknown status");

/**
 * What GET /api/customers/{id}/transactions accepts: the status (one or more) and kind filters,
 * then keyset paging (`cursor` with its `page`), or a bare `page` (offset, a hand-edited URL).
 * Parsed into what the service takes (`pageSize` for `size`).
 */
export const customerTransactionsSchema = z
  .object({
    status: listParam(40, statusToken),
    kind: single(z.enum(CUSTOMER_TX_KINDS, { error: "Kind must be collection or payout" }).optional()),
    page: pageParam,
    cursor: single(
      z
        .string()
        .max(200)
        .optional()
        .refine((v) => v === undefined || v === "" || decodeCursor(v) !== null, "Malformed cursor"),
    ),
    size: pageSizeParam(CUSTOMER_TX_PAGE_SIZES, CUSTOMER_TX_PAGE_SIZE),
  })
  .transform(({ size, cursor, ...rest }) => ({ ...rest, cursor: cursor || undefined, pageSize: size }));

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadCustomerTransactionsSearchParams = createLoader(customerTransactionsSearchParams);
