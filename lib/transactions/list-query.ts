/**
 * The transaction list's query: one zod schema for the JSON routes (list, stats, export), the
 * sortable columns and the keyset cursor format. Pure: shared by server and client.
 *
 * Lists arrive comma-separated (`status=FAILED,PENDING`, what nuqs writes) or repeated
 * (`status=FAILED&status=PENDING`). Unknown keys are ignored; bad values are a 400 with a message.
 */
import { z } from "zod";
import { parseIsoDay } from "./dates";
import { decodeCursor, DEFAULT_PAGE_SIZE, DEFAULT_SORT, MAX_SELECTED_IDS, PAGE_SIZES, parseSort, SORT_COLUMNS } from "./list-params";

export * from "./list-params";

const listParam = (max: number, item: z.ZodType<string>) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === "") return [];
      const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(","));
      return [...new Set(parts.map((x) => x.trim()).filter(Boolean))];
    },
    z.array(item).max(max, `At most ${max} values`),
  );

const token = z.string().regex(/^[A-Za-z0-9_]{1,40}$/, "Unknown value");
const day = z
  .string()
  .refine((v) => parseIsoDay(v) !== null, "Use a date like 2025-06-30")
  .optional();
const amountText = z
  .string()
  .trim()
  .max(24, "Amount is too long")
  .optional()
  .transform((v) => (v === "" ? undefined : v));
const single = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), schema);

export const listQuerySchema = z
  .object({
    q: single(z.string().max(100, "Search is limited to 100 characters").optional().default("")),
    status: listParam(40, token),
    network: listParam(20, token),
    method: listParam(20, token),
    chain: listParam(20, token),
    token: listParam(20, token),
    refund: listParam(10, token),
    from: single(day),
    to: single(day),
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
        .refine((v) => (PAGE_SIZES as readonly number[]).includes(v), `Page size must be one of ${PAGE_SIZES.join(", ")}`),
    ),
    page: single(z.coerce.number().int("Page must be a whole number").min(1, "Page must be 1 or more").max(1_000_000).optional().default(1)),
    cursor: single(
      z
        .string()
        .max(200)
        .optional()
        .refine((v) => v === undefined || v === "" || decodeCursor(v) !== null, "Malformed cursor"),
    ),
    /** Which zone the date range is in: the integrator's or UTC (what the sidebar widget shows). */
    tz: single(z.string().max(64).optional()),
    /** Export only these rows (selection). */
    ids: listParam(MAX_SELECTED_IDS, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Malformed id")),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date" });
    }
  });

/** The raw query (what URLSearchParams gives, repeated keys as arrays). */
export type ListQueryInput = Partial<Record<keyof z.output<typeof listQuerySchema>, string | string[] | undefined>>;
export type ListQuery = z.output<typeof listQuerySchema>;

