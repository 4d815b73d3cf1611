/**
 * The Users list's contract: members and pending invites. The nuqs parser map the page and the
 * list's controls read the URL with, the API query string, the row type and the type of the
 * params the route parses. Pure and free of zod: shared by the route, the server page and the
 * client. The params schema (zod) is members-contract-schema.ts, so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { membersListSchema } from "./members-contract-schema";

export const MEMBER_PAGE_SIZES = [10, 20, 50, 100] as const;
export const MEMBER_PAGE_SIZE = 20;
/** What the Status filter offers: invited covers pending invites (expired ones included). */
export const MEMBER_STATUS_FILTERS = ["active", "invited", "disabled"] as const;
export type MemberStatusFilter = (typeof MEMBER_STATUS_FILTERS)[number];
export const MEMBER_SORT_COLUMNS = ["name", "role", "status", "lastSignInAt", "createdAt"] as const;
export type MemberSortColumn = (typeof MEMBER_SORT_COLUMNS)[number];
export const MEMBER_DEFAULT_SORT = "name.asc";

export type MembersListQuery = z.output<typeof membersListSchema>;

export const MEMBER_FILTER_KEYS = ["q", "role", "status"] as const;

/** The Users page's URL state. */
const membersUrl = listUrlState(
  {
    q: parseAsString.withDefault(""),
    role: parseAsArrayOf(parseAsString).withDefault([]),
    status: parseAsArrayOf(parseAsString).withDefault([]),
  },
  {
    sort: parseAsString.withDefault(MEMBER_DEFAULT_SORT),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(MEMBER_PAGE_SIZE),
  },
);
export const membersSearchParams = membersUrl.searchParams;
export type MembersSearchState = UrlStateOf<typeof membersSearchParams>;

export function membersListQuery(state: Partial<MembersSearchState>): string {
  return membersUrl.listQuery(state);
}

export type TeamRowStatus = "active" | "disabled" | "invited" | "expired";

/** One line of the Users table: a member, or a pending invite (resend / revoke). */
export interface TeamRow {
  kind: "member" | "invite";
  /** Membership id or invite id: the id the row's actions take. */
  id: string;
  name: string | null;
  email: string;
  roleId: string;
  roleName: string;
  status: TeamRowStatus;
  /** Members only: two-factor switched on. */
  twoFactorEnabled: boolean | null;
  lastSignInAt: string | null;
  /** Invites only. */
  invitedByName: string | null;
  expiresAt: string | null;
  createdAt: string;
  isSelf: boolean;
}

export interface MembersListResponse {
  rows: TeamRow[];
  /** Rows matching the filters (all pages). */
  total: number;
  /** Of those: active members and pending invites (the header's counts). */
  counts: { active: number; invited: number };
  page: number;
  size: number;
}
