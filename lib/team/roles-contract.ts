/**
 * The Roles list's contract: the params schema the route parses, the nuqs parser map the page and
 * the table read the URL with, the API query string, the query keys and the row type. Pure.
 */
import { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import type { Permission } from "@/lib/auth/permissions";
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import {
  listUrlState,
  type UrlStateOf,
  listParam,
  pageParam,
  pageSizeParam,
  parseSortValue,
  searchParam,
  single,
} from "@/lib/client/list-params";

export const ROLE_PAGE_SIZES = [10, 20, 50, 100] as const;
export const ROLE_PAGE_SIZE = 20;
export const ROLE_TYPES = ["builtin", "custom"] as const;
export const ROLE_SORT_COLUMNS = ["name", "members", "updatedAt"] as const;
export type RoleSortColumn = (typeof ROLE_SORT_COLUMNS)[number];

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
export type RolesListQuery = z.output<typeof rolesListSchema>;

export const ROLE_FILTER_KEYS = ["q", "type"] as const;

/** The Roles page's URL state. */
const rolesUrl = listUrlState(
  {
    q: parseAsString.withDefault(""),
    type: parseAsArrayOf(parseAsString).withDefault([]),
  },
  { sort: parseAsString, page: parseAsInteger.withDefault(1), size: parseAsInteger.withDefault(ROLE_PAGE_SIZE) },
);
export const rolesSearchParams = rolesUrl.searchParams;
export type RolesSearchState = UrlStateOf<typeof rolesSearchParams>;
export const loadRolesSearchParams = rolesUrl.load;

export function rolesListQuery(state: Partial<RolesSearchState>): string {
  return rolesUrl.listQuery(state);
}

export const rolesQueryKeys = {
  all: (scopeKey: ScopeKey) => listQueryKey(scopeKey, "team", "roles"),
  list: (scopeKey: ScopeKey, state: Partial<RolesSearchState>) =>
    listQueryKey(scopeKey, "team", "roles", "list", rolesListQuery(state)),
};

/** A role with its member counts. */
export interface RoleSummary {
  id: string;
  name: string;
  description: string;
  permissions: Permission[];
  isBuiltin: boolean;
  memberCount: number;
  pendingInviteCount: number;
  updatedAt: string;
}

export interface RolesListResponse {
  rows: RoleSummary[];
  total: number;
  page: number;
  size: number;
}
