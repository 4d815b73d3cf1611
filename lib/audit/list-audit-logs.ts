import "server-only";
import { and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLogs, users } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { inScope } from "@/lib/db/tenant";
import { csvField, csvLine } from "@/lib/csv";
import { isValidTimeZone, zonedRange } from "@/lib/transactions/dates";
import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditFacets,
  type AuditFilters,
  type AuditListQuery,
  type AuditListResponse,
  type AuditRow,
} from "./list-contract";

/**
 * The organisation's audit log is one log for both environments (a sign-in has none): the tenant
 * filter is the integrator only.
 */
const tenant = (scope: Scope) => inScope(auditLogs, scope, { environment: false });

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The date range's zone: UTC or the organisation's (what the sidebar widget offers); else the organisation's. */
function zoneOf(scope: Scope, tz: string | undefined): string {
  return tz && (tz === "UTC" || tz === scope.timezone) && isValidTimeZone(tz) ? tz : scope.timezone;
}

function filtersWhere(scope: Scope, f: AuditFilters): SQL {
  const where: (SQL | undefined)[] = [tenant(scope)];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    where.push(
      or(
        ilike(auditLogs.actorEmail, pattern),
        ilike(auditLogs.targetId, pattern),
        ilike(auditLogs.action, pattern),
        ilike(auditLogs.ip, pattern),
      ),
    );
  }
  if (f.actor) where.push(sql`lower(${auditLogs.actorEmail}) = ${f.actor.toLowerCase()}`);
  if (f.action.length)
    where.push(f.action.length === 1 ? eq(auditLogs.action, f.action[0]) : inArray(auditLogs.action, f.action));
  if (f.outcome.length) where.push(inArray(auditLogs.outcome, f.outcome));
  // Whole days in the zone the member reads (the timestamps are stored in UTC).
  const { start, end } = zonedRange(f.from, f.to, zoneOf(scope, f.tz));
  if (start) where.push(gte(auditLogs.createdAt, start));
  if (end) where.push(lt(auditLogs.createdAt, end));
  return and(...where)!;
}

const columns = {
  id: auditLogs.id,
  createdAt: auditLogs.createdAt,
  actorUserId: auditLogs.actorUserId,
  actorEmail: auditLogs.actorEmail,
  actorName: users.name,
  action: auditLogs.action,
  targetType: auditLogs.targetType,
  targetId: auditLogs.targetId,
  outcome: auditLogs.outcome,
  ip: auditLogs.ip,
  userAgent: auditLogs.userAgent,
  environment: auditLogs.environment,
  metadata: auditLogs.metadata,
};

async function selectRows(db: Db, where: SQL | undefined, ascending: boolean, limit: number): Promise<AuditRow[]> {
  const rows = await db
    .select(columns)
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorUserId))
    .where(where)
    .orderBy(ascending ? asc(auditLogs.id) : desc(auditLogs.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), metadata: r.metadata ?? null }));
}

/**
 * One page of the log in time order (newest first by default), with keyset cursors both ways: a
 * cursor "a<id>" reads the page after that row, "b<id>" the page before it. Entries are ordered by
 * id, which follows the time they were written.
 */
export async function listAuditLogs(db: Db, scope: Scope, query: AuditListQuery): Promise<AuditListResponse> {
  const { cursor, size } = query;
  const newestFirst = query.sort.dir === "desc";
  const backwards = cursor?.dir === "b";
  // Rows after the cursor in display order are older (newest first) or newer (oldest first).
  const boundary = cursor
    ? newestFirst !== backwards
      ? lt(auditLogs.id, cursor.id)
      : gt(auditLogs.id, cursor.id)
    : undefined;
  const fetched = await selectRows(db, and(filtersWhere(scope, query), boundary), newestFirst === backwards, size + 1);
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (backwards) rows.reverse();
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : cursor !== null;
  return {
    rows,
    page: backwards && !more ? 1 : query.page,
    size,
    nextCursor: hasNext && rows.length ? `a${rows[rows.length - 1].id}` : null,
    prevCursor: hasPrev && rows.length ? `b${rows[0].id}` : null,
    hasNext: hasNext && rows.length > 0,
    hasPrev,
  };
}

/** The values the filters offer: actions and actor emails seen in this organisation's log. */
export async function listAuditFacets(db: Db, scope: Scope): Promise<AuditFacets> {
  const [actions, actors] = await Promise.all([
    db
      .selectDistinct({ action: auditLogs.action })
      .from(auditLogs)
      .where(tenant(scope))
      .orderBy(asc(auditLogs.action))
      .limit(500),
    db
      .selectDistinct({ email: sql<string>`lower(${auditLogs.actorEmail})` })
      .from(auditLogs)
      .where(and(tenant(scope), isNotNull(auditLogs.actorEmail)))
      .orderBy(asc(sql`lower(${auditLogs.actorEmail})`))
      .limit(500),
  ]);
  return { actions: actions.map((a) => a.action), actors: actors.map((a) => a.email) };
}

export const AUDIT_CSV_HEADER = [
  "time_utc",
  "actor_email",
  "actor_name",
  "actor_user_id",
  "action",
  "target_type",
  "target_id",
  "outcome",
  "ip",
  "environment",
  "user_agent",
  "details",
];

function csvRow(r: AuditRow): string {
  return csvLine(
    [
      r.createdAt,
      r.actorEmail,
      r.actorName,
      r.actorUserId,
      r.action,
      r.targetType,
      r.targetId,
      r.outcome,
      r.ip,
      r.environment,
      r.userAgent,
      r.metadata ? JSON.stringify(r.metadata) : "",
    ].map(csvField),
  );
}

export interface AuditExport {
  filename: string;
  header: string[];
  /** CSV lines, one chunk per page of 1000 rows: for lib/csv.ts csvResponse. */
  lines: AsyncIterable<string>;
}

/** The filtered log as CSV lines (newest first), read in pages of 1000 rows, at most `maxRows`. */
export function exportAuditCsv(
  db: Db,
  scope: Scope,
  filters: AuditFilters,
  maxRows = AUDIT_EXPORT_MAX_ROWS,
  now = new Date(),
): AuditExport {
  const where = filtersWhere(scope, filters);
  async function* lines(): AsyncGenerator<string> {
    let before: number | undefined;
    let sent = 0;
    while (sent < maxRows) {
      const rows = await selectRows(
        db,
        and(where, before ? lt(auditLogs.id, before) : undefined),
        false,
        Math.min(1000, maxRows - sent),
      );
      if (!rows.length) return;
      sent += rows.length;
      before = rows[rows.length - 1].id;
      yield rows.map(csvRow).join("");
    }
  }
  return { filename: `audit-log-${now.toISOString().slice(0, 10)}.csv`, header: AUDIT_CSV_HEADER, lines: lines() };
}
