/**
 * The audit log list's contract: the types of the params the list and export routes parse, the
 * nuqs parser map the page and the list's controls read the URL with, the API query-string
 * serializer and the row type. Pure and free of zod: shared by routes, the server page and the
 * client. The params schema (zod) is list-contract-schema.ts, so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type CursorPage, type UrlStateOf } from "@/lib/client/list-params";
import type { auditListSchema } from "./list-contract-schema";

export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;
export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
export const AUDIT_SORT_COLUMNS = ["createdAt"] as const;
export const AUDIT_DEFAULT_SORT = "createdAt.desc";
export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;

/** Keyset cursor: "a<id>" = the page after that row (in the current order), "b<id>" = the page before it. */
export interface AuditCursor {
  dir: "a" | "b";
  id: number;
}

export function parseAuditCursor(value: string): AuditCursor | null {
  const m = /^([ab])(\d{1,15})$/.exec(value);
  return m ? { dir: m[1] as "a" | "b", id: Number(m[2]) } : null;
}

export type AuditListQuery = z.output<typeof auditListSchema>;
export type AuditFilters = Pick<AuditListQuery, "q" | "actor" | "action" | "outcome" | "from" | "to" | "tz">;

/** Filter keys (a change starts again at page 1; Reset clears them). */
export const AUDIT_FILTER_KEYS = ["q", "actor", "action", "outcome", "from", "to"] as const;

const filterParsers = {
  q: parseAsString.withDefault(""),
  actor: parseAsString,
  action: parseAsArrayOf(parseAsString).withDefault([]),
  outcome: parseAsArrayOf(parseAsString).withDefault([]),
  from: parseAsString,
  to: parseAsString,
};
/** The Audit Log page's URL state (the server page and the list's controls read it with these parsers). */
const auditUrl = listUrlState(filterParsers, {
  sort: parseAsString.withDefault(AUDIT_DEFAULT_SORT),
  cursor: parseAsString,
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(AUDIT_PAGE_SIZE),
});
export const auditSearchParams = auditUrl.searchParams;
export type AuditSearchState = UrlStateOf<typeof auditSearchParams>;

/** The list route's query string: filters, sort, paging and the zone of the date range. */
export function auditListQuery(state: Partial<AuditSearchState>, tz: string): string {
  return auditUrl.listQuery(state, { tz });
}

/** The CSV export of the filtered log. */
export function auditExportUrl(state: Partial<AuditSearchState>, tz: string): string {
  return `/api/team/audit/export?${auditUrl.filterQuery(state, { tz })}`;
}

/** One audit entry as the route returns it. */
export interface AuditRow {
  id: number;
  /** ISO-8601 UTC. */
  createdAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  environment: string | null;
  metadata: Record<string, unknown> | null;
}

export type AuditListResponse = CursorPage<AuditRow>;

/** The values the filters offer: actions and actor emails seen in the organisation's log. */
export interface AuditFacets {
  actions: string[];
  actors: string[];
}
