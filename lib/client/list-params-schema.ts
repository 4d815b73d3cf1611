/**
 * The zod pieces every list's params schema is built from (lib/<area>/*-contract-schema.ts): what
 * the routes parse a query string with (and the server pages, lib/client/page-data.ts). Kept apart
 * from list-params.ts so zod stays on the server: client components import the contracts and
 * list-params.ts, never this file.
 *
 * Lists arrive comma-separated (`status=FAILED,PENDING`, what nuqs writes) or as repeated keys
 * (`status=FAILED&status=PENDING`, which the gate groups into an array). Unknown keys are ignored
 * (the market and environment keys `m` and `env` ride along in every dashboard URL).
 */
import { z } from "zod";
import { isValidTimeZone, parseIsoDay } from "@/lib/transactions/dates";
import { cleanText } from "@/lib/text-input";
import { parseSortValue, type SortDir } from "./list-params";

/** One value: the last of repeated keys. */
export const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), schema);

/** A list of values, comma-separated or repeated; trimmed, blanks and repeats dropped. */
export function listParam<T extends z.ZodType<string>>(max: number, item: T) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === "") return [];
      const parts = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(","));
      return [...new Set(parts.map((x) => x.trim()).filter(Boolean))];
    },
    z.array(item).max(max, `At most ${max} values`),
  );
}

/**
 * Search text (`q`): trimmed, "" when absent; control characters (NUL…) and unpaired surrogates
 * refused with a 400 and a message (lib/text-input.ts), never passed on to the database.
 */
export const searchParam = (max = 100, label = "The search") =>
  single(
    cleanText(z.string().max(max, `Search is limited to ${max} characters`), label)
      .optional()
      .default(""),
  ).transform((v) => v.trim());

/** Any other free-text value of a query string (a name, an email to filter by): the same rule as `q`. */
export const textParam = (max: number, label: string, tooLong = `${label} must be at most ${max} characters`) =>
  single(cleanText(z.string().trim().max(max, tooLong), label).optional());

/** A calendar day "2026-01-31" (a real date). */
export const dayParam = single(
  z
    .string()
    .refine((v) => parseIsoDay(v) !== null, "Use a date like 2025-06-30")
    .optional(),
);

/** Which zone a date range is in (what the sidebar widget shows): an IANA zone or UTC; the service decides which it honours. */
export const tzParam = single(
  z
    .string()
    .max(64)
    .refine((v) => isValidTimeZone(v), "Unknown time zone")
    .optional(),
);

/** 1-based page number. */
export const pageParam = single(
  z.coerce
    .number()
    .int("Page must be a whole number")
    .min(1, "Page must be 1 or more")
    .max(1_000_000, "Page is too deep")
    .optional()
    .default(1),
);

/** Rows per page: one of the sizes the table offers. */
export function pageSizeParam(sizes: readonly number[], fallback: number) {
  return single(
    z.coerce
      .number()
      .int()
      .optional()
      .default(fallback)
      .refine((v) => sizes.includes(v), `Page size must be one of ${sizes.join(", ")}`),
  );
}

/** `sort=column.dir` over the sortable columns, parsed into { column, dir }. */
export function sortParam<C extends string>(columns: readonly C[], fallback: `${C}.${SortDir}`) {
  return single(z.string().max(40).optional().default(fallback))
    .refine((v) => parseSortValue(v, columns) !== null, {
      message: `Unknown sort column; use one of ${columns.join(", ")} with .asc or .desc`,
    })
    .transform((v) => parseSortValue(v, columns)!);
}

/** The end of a date range must not be before its start. */
export function checkDateRange(v: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from > v.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date" });
  }
}
