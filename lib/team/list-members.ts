import "server-only";
import { and, asc, desc, eq, gt, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { invites, memberships, roles, users } from "@/lib/db/schema";
import type { ListMembersQuery } from "./schemas";
import type { TeamScope } from "./context";

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

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Members and pending invites of the scope's integrator, filtered by search, role and status. */
export async function listMembers(
  db: Db,
  scope: TeamScope,
  query: ListMembersQuery = {},
  now = new Date(),
): Promise<TeamRow[]> {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const wantMembers = query.status !== "invited";
  const wantInvites = !query.status || query.status === "invited";
  const out: TeamRow[] = [];

  if (wantMembers) {
    const filters: (SQL | undefined)[] = [eq(memberships.integratorId, scope.integratorId)];
    if (query.roleId) filters.push(eq(memberships.roleId, query.roleId));
    if (query.status) filters.push(eq(memberships.status, query.status));
    if (pattern) filters.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
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
      .where(and(...filters))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.email))
      .limit(1000);
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
        isSelf: r.userId === scope.userId,
      });
    }
  }

  if (wantInvites) {
    const inviter = alias(users, "inviter");
    const filters: (SQL | undefined)[] = [
      eq(invites.integratorId, scope.integratorId),
      isNull(invites.acceptedAt),
      isNull(invites.revokedAt),
      // Expired invites stay listed for a week, so they can be resent.
      gt(invites.expiresAt, new Date(now.getTime() - 7 * 24 * 3600_000)),
    ];
    if (query.roleId) filters.push(eq(invites.roleId, query.roleId));
    if (pattern) filters.push(ilike(invites.email, pattern));
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
      .where(and(...filters))
      .orderBy(desc(invites.createdAt))
      .limit(1000);
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
