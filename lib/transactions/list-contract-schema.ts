/**
 * The transaction lists' params schema (zod): what GET /api/transactions/{kind}[/stats|/export]
 * parse (the one validation), and the server pages through readForPage. Kept apart from
 * list-contract.ts (the parsers, query keys, URL builders and types client components import) so
 * zod stays on the server.
 */
import { z } from "zod";
import { dayParam, listParam, single } from "@/lib/client/list-params-schema";
import { cleanText } from "@/lib/text-input";
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, MAX_SELECTED_IDS, PAGE_SIZES, SORT_COLUMNS, decodeCursor, parseSort, txSearchParams } from "./list-contract";
import { createLoader } from "nuqs/server";

const token = z.string().regex(/^[A-Za-z0-9_]{1,40}$/, "Unknown value");
const amountText = z
  .string()
  .trim()
  .max(24, "Amount is too long")
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/**
 * What GET /api/transactions/{kind}[/stats|/export] accept. Shape and syntax only: whether a
 * status, network or sort fits the list and the market is checked by the service (query.ts
 * normalizeFilters), which answers 400 with a message too.
 */
export const listQuerySchema = z
  .object({
    q: single(cleanText(z.string().max(100, "Search is limited to 100 characters"), "The search").optional().default("")),
    status: listParam(40, token),
    network: listParam(20, token),
    method: listParam(20, token),
    chain: listParam(20, token),
    token: listParam(20, token),
    refund: listParam(10, token),
    from: dayParam,
    to: dayParam,
    min: single(amountText),
    max: single(amountText),
    sort: single(z.string().max(40).optional().default(DEFAULT_SORT)).refine((v) => parseSort(v) !== null, {
      message: `Unknown sort column; use one of ${SORT_COLUMNS.join(", ")} with .asc or .desc`,
    }),
    size: single(
      z.coerce
        .number()
        .int()
        .optional()
        .default(DEFAULT_PAGE_SIZE)
        .refine(
          (v) => (PAGE_SIZES as readonly number[]).includes(v),
          `Page size must be one of ${PAGE_SIZES.join(", ")}`,
        ),
    ),
    page: single(
      z.coerce
        .number()
        .int("Page must be a whole number")
        .min(1, "Page must be 1 or more")
        .max(1_000_000)
        .optional()
        .default(1),
    ),
    cursor: single(
      z
        .string()
        .max(200)
        .optional()
        .refine((v) => v === undefined || v === "" || decodeCursor(v) !== null, "Malformed cursor"),
    ),
    /** Which zone the date range is in: the integrator's or UTC (what the sidebar widget shows). */
    tz: single(cleanText(z.string().max(64), "The time zone").optional()),
    /** Export only these rows (selection). */
    ids: listParam(MAX_SELECTED_IDS, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Malformed id")),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date" });
    }
  });

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadTxSearchParams = createLoader(txSearchParams);
