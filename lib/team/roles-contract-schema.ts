/**
 * The Roles list's params schema (zod): what GET /api/team/roles parses (the one validation), and
 * the server page through readForPage. Kept apart from roles-contract.ts, which client
 * components import, so zod stays on the server.
 */
import { z } from "zod";
import { parseSortValue } from "@/lib/client/list-params";
import { listParam, pageParam, pageSizeParam, searchParam, single } from "@/lib/client/list-params-schema";
import { ROLE_PAGE_SIZE, ROLE_PAGE_SIZES, ROLE_SORT_COLUMNS, ROLE_TYPES, rolesSearchParams } from "./roles-contract";
import { createLoader } from "nuqs/server";

/** What GET /api/team/roles accepts. Without `sort`: built-in roles first, in their canonical order, then custom ones by name. */
export const rolesListSchema = z.object({
  /** Name or description contains this. */
  q: searchParam(100),
  type: listParam(2, z.enum(ROLE_TYPES, { error: "Type must be builtin or custom" })),
  sort: single(
    z
      .string()
      .max(40)
      .optional()
      .refine((v) => !v || parseSortValue(v, ROLE_SORT_COLUMNS) !== null, {
        message: `Unknown sort column; use one of ${ROLE_SORT_COLUMNS.join(", ")} with .asc or .desc`,
      })
      .transform((v) => (v ? parseSortValue(v, ROLE_SORT_COLUMNS) : null)),
  ),
  page: pageParam,
  size: pageSizeParam(ROLE_PAGE_SIZES, ROLE_PAGE_SIZE),
});

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadRolesSearchParams = createLoader(rolesSearchParams);
