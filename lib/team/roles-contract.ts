/**
 * The Roles list's contract: the nuqs parser map the page and the list's controls read the URL
 * with, the API query string, the row type and the type of the params the route parses. Pure and
 * free of zod; the params schema (zod) is roles-contract-schema.ts, so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import type { Permission } from "@/lib/auth/permissions";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { rolesListSchema } from "./roles-contract-schema";

export const ROLE_PAGE_SIZES = [10, 20, 50, 100] as const;
export const ROLE_PAGE_SIZE = 20;
export const ROLE_TYPES = ["builtin", "custom"] as const;
export const ROLE_SORT_COLUMNS = ["name", "members", "updatedAt"] as const;
export type RoleSortColumn = (typeof ROLE_SORT_COLUMNS)[number];

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

export function rolesListQuery(state: Partial<RolesSearchState>): string {
  return rolesUrl.listQuery(state);
}

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
