import "server-only";
import { and, asc, desc, eq, gt, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { invites, memberships, roles, users } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/scope";
import { inScope } from "@/lib/db/tenant";
import type {
  MemberSortColumn,
  MemberStatusFilter,
  MembersListQuery,
  MembersListResponse,
  TeamRow,
} from "./members-contract";


/** Each query reads at most this many members and this many invites (a team is far smaller). */
const MAX_ROWS = 1000;

export interface MemberFilters {
  /** Name or email contains this (case-insensitive). */
  q?: string;
  roleId?: string | readonly string[];
  status?: MemberStatusFilter | readonly MemberStatusFilter[];
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const asList = <T extends string>(v: T | readonly T[] | undefined): readonly T[] =>
  v === undefined ? [] : typeof v === "string" ? [v] : v;

/**
 * Members and pending invites of the scope's integrator, filtered by search, role and status:
 * members by name, then invites newest first.
 */
export async function listMembers(
  db: Db,
  scope: Scope,
  filters: MemberFilters = {},
  now = new Date(),
): Promise<TeamRow[]> {
  const me = requireMember(scope).userId;
  const pattern = filters.q ? `%${escapeLike(filters.q)}%` : null;
  const roleIds = asList(filters.roleId);
  const statuses = asList(filters.status);
  const memberStatuses = statuses.filter((s) => s !== "invited");
  const wantMembers = statuses.length === 0 || memberStatuses.length > 0;
  const wantInvites = statuses.length === 0 || statuses.includes("invited");
  const out: TeamRow[] = [];

  if (wantMembers) {
    const where: (SQL | undefined)[] = [inScope(memberships, scope)];
    if (roleIds.length) where.push(inArray(memberships.roleId, [...roleIds]));
    if (memberStatuses.length) where.push(inArray(memberships.status, memberStatuses));
    if (pattern) where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
    const rows = await db
      .select({
        id: memberships.id,
        userId: users.id,
        name: users.name,
        email: users.email,
        roleId: roles.id,
        roleName: roles.name,
        status: memberships.status,
        totpEnabledAt: users.totpEnabledAt,
        lastSignInAt: users.lastSignInAt,
        createdAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(roles, eq(roles.id, memberships.roleId))
      .where(and(...where))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.email))
      .limit(MAX_ROWS);
    for (const r of rows) {
      out.push({
        kind: "member",
        id: r.id,
        name: r.name,
        email: r.email,
        roleId: r.roleId,
        roleName: r.roleName,
        status: r.status === "disabled" ? "disabled" : r.status === "invited" ? "invited" : "active",
        twoFactorEnabled: r.totpEnabledAt !== null,
        lastSignInAt: iso(r.lastSignInAt),
        invitedByName: null,
        expiresAt: null,
        createdAt: r.createdAt.toISOString(),
        isSelf: r.userId === me,
      });
    }
  }

  if (wantInvites) {
    const inviter = alias(users, "inviter");
    const where: (SQL | undefined)[] = [
      inScope(invites, scope),
      isNull(invites.acceptedAt),
      isNull(invites.revokedAt),
      // Expired invites stay listed for a week, so they can be resent.
      gt(invites.expiresAt, new Date(now.getTime() - 7 * 24 * 3600_000)),
    ];
    if (roleIds.length) where.push(inArray(invites.roleId, [...roleIds]));
    if (pattern) where.push(ilike(invites.email, pattern));
    const rows = await db
      .select({
        id: invites.id,
        email: invites.email,
        roleId: roles.id,
        roleName: roles.name,
        invitedByName: inviter.name,
        expiresAt: invites.expiresAt,
        createdAt: invites.createdAt,
      })
      .from(invites)
      .innerJoin(roles, eq(roles.id, invites.roleId))
      .leftJoin(inviter, eq(inviter.id, invites.invitedBy))
      .where(and(...where))
      .orderBy(desc(invites.createdAt))
      .limit(MAX_ROWS);
    for (const r of rows) {
      out.push({
        kind: "invite",
        id: r.id,
        name: null,
        email: r.email,
        roleId: r.roleId,
        roleName: r.roleName,
        status: r.expiresAt.getTime() <= now.getTime() ? "expired" : "invited",
        twoFactorEnabled: null,
        lastSignInAt: null,
        invitedByName: r.invitedByName,
        expiresAt: r.expiresAt.toISOString(),
        createdAt: r.createdAt.toISOString(),
        isSelf: false,
      });
    }
  }
  return out;
}

const collator = new Intl.Collator("en", { sensitivity: "base" });

/** The value a column sorts by (null: a blank, e.g. an invite's name or a member who never signed in). */
const SORT_VALUE: Record<MemberSortColumn, (r: TeamRow) => string | null> = {
  name: (r) => r.name,
  role: (r) => r.roleName,
  status: (r) => r.status,
  lastSignInAt: (r) => r.lastSignInAt,
  createdAt: (r) => r.createdAt,
};

/**
 * One page of the Users table: the filtered members and invites, sorted and paged here (a team is
 * at most a few thousand rows), with the total and the header's counts.
 */
export async function listMembersPage(
  db: Db,
  scope: Scope,
  query: MembersListQuery,
  now = new Date(),
): Promise<MembersListResponse> {
  const rows = await listMembers(db, scope, { q: query.q || undefined, roleId: query.role, status: query.status }, now);
  const pick = SORT_VALUE[query.sort.column];
  const sign = query.sort.dir === "asc" ? 1 : -1;
  // Blanks last in both directions; ties by email.
  const sorted = [...rows].sort((a, b) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null) return x === y ? collator.compare(a.email, b.email) : x === null ? 1 : -1;
    return collator.compare(x, y) * sign || collator.compare(a.email, b.email);
  });
  const lastPage = Math.max(1, Math.ceil(sorted.length / query.size));
  const page = Math.min(query.page, lastPage);
  return {
    rows: sorted.slice((page - 1) * query.size, page * query.size),
    total: sorted.length,
    counts: {
      active: rows.filter((r) => r.status === "active").length,
      invited: rows.filter((r) => r.kind === "invite").length,
    },
    page,
    size: query.size,
  };
}
