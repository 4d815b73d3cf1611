/**
 * The transaction list's query: one zod schema for the JSON routes (list, stats, export), the
 * sortable columns and the keyset cursor format. Pure: shared by server and client.
 *
 * Lists arrive comma-separated (`status=FAILED,PENDING`, what nuqs writes) or repeated
 * (`status=FAILED&status=PENDING`). Unknown keys are ignored; bad values are a 400 with a message.
 */
import { z } from "zod";
import { parseIsoDay } from "./dates";

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** Offset paging (sorts other than Created At, or a page number without a cursor) stops here. */
export const MAX_OFFSET_ROWS = 10_000;
/** Selected rows exported at once. */
export const MAX_SELECTED_IDS = 500;

/** Column ids the list can be sorted by (the table's column ids). */
export const SORT_COLUMNS = [
  "createdAt", "updatedAt", "completedAt", "amount", "transactionAmount", "fee", "referenceId", "referenceNumber",
  "status", "channel", "phoneNumber", "network", "cryptoAmount", "chain", "token", "kind",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDir = "asc" | "desc";
export const DEFAULT_SORT = "createdAt.desc";

export function parseSort(value: string): { column: SortColumn; dir: SortDir } | null {
  const m = /^([a-zA-Z]+)\.(asc|desc)$/.exec(value);
  if (!m || !(SORT_COLUMNS as readonly string[]).includes(m[1])) return null;
  return { column: m[1] as SortColumn, dir: m[2] as SortDir };
}

/** "a" = rows after the cursor row (next page), "b" = rows before it (previous page). */
export interface Cursor {
  dir: "a" | "b";
  /** created_at of the boundary row, ISO with microseconds ("2025-06-01T10:00:00.123456Z"). */
  ts: string;
  id: string;
}

const CURSOR_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

function toBase64Url(text: string): string {
  const b64 = typeof btoa === "function" ? btoa(text) : Buffer.from(text, "binary").toString("base64");
  return b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  try {
    return typeof atob === "function" ? atob(b64) : Buffer.from(b64, "base64").toString("binary");
  } catch {
    return null;
  }
}

export function encodeCursor(c: Cursor): string {
  return toBase64Url(`${c.dir}|${c.ts}|${c.id}`);
}

/** Null when malformed (the route answers 400). */
export function decodeCursor(token: string): Cursor | null {
  const text = fromBase64Url(token);
  if (!text) return null;
  const [dir, ts, id, ...rest] = text.split("|");
  if (rest.length || (dir !== "a" && dir !== "b") || !CURSOR_TS.test(ts ?? "") || !CURSOR_ID.test(id ?? "")) return null;
  if (Number.isNaN(Date.parse(ts))) return null;
  return { dir, ts, id };
}

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

/** Keys of the table state that are filters (changing one resets paging). */
export const FILTER_PARAMS = ["q", "status", "network", "method", "chain", "token", "refund", "from", "to", "min", "max"] as const;
