import "server-only";
import { requireMember, type Scope } from "@/lib/auth/scope";
import { and, eq, sql } from "drizzle-orm";
import { memberships, roles, users } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import type { DbOrTx } from "./context";

export const OWNER_ROLE_NAME = "Owner";

export interface RoleRow {
  id: string;
  name: string;
  permissions: string[];
  isBuiltin: boolean;
}

export function isOwnerRole(role: Pick<RoleRow, "name" | "isBuiltin">): boolean {
  return role.isBuiltin && role.name === OWNER_ROLE_NAME;
}

/** The permissions of `permissions` the scope does not hold itself (unknown strings are ignored). */
export function missingPermissions(
  scope: Scope,
  permissions: readonly string[],
): Permission[] {
  return permissions.filter(isPermission).filter((p) => !scope.permissions.has(p));
}

/** Nobody gives a role (to a member, an invite, or by editing a role) with more than they hold. */
export function assertCanGrant(
  scope: Scope,
  role: Pick<RoleRow, "name" | "permissions">,
): void {
  const missing = missingPermissions(scope, role.permissions);
  if (missing.length) {
    throw new ForbiddenError(
      `You cannot give the ${role.name} role: it includes permissions you do not hold (${missing.join(", ")}).`,
    );
  }
}

/** Nobody changes, disables or removes a member whose role holds more than they do (an Admin cannot touch an Owner). */
export function assertCanManageMemberWithRole(
  scope: Scope,
  role: Pick<RoleRow, "name" | "permissions">,
): void {
  if (missingPermissions(scope, role.permissions).length) {
    throw new ForbiddenError(
      `You cannot manage a member with the ${role.name} role: it includes permissions you do not hold.`,
    );
  }
}

/** A role of the scope's integrator, or "not found" (another integrator's id included). */
export async function findRole(tx: DbOrTx, scope: Scope, roleId: string): Promise<RoleRow> {
  const [role] = await tx
    .select({ id: roles.id, name: roles.name, permissions: roles.permissions, isBuiltin: roles.isBuiltin })
    .from(roles)
    .where(and(eq(roles.id, roleId), inScope(roles, scope)))
    .limit(1);
  if (!role) throw new NotFoundError("Role not found");
  return role;
}

export interface MemberRow {
  id: string;
  userId: string;
  email: string;
  name: string;
  status: "active" | "invited" | "disabled";
  role: RoleRow;
}

/** A membership of the scope's integrator, or "not found". */
export async function findMember(
  tx: DbOrTx,
  scope: Scope,
  memberId: string,
): Promise<MemberRow> {
  const [row] = await tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      status: memberships.status,
      email: users.email,
      name: users.name,
      roleId: roles.id,
      roleName: roles.name,
      rolePermissions: roles.permissions,
      roleIsBuiltin: roles.isBuiltin,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.id, memberId), inScope(memberships, scope)))
    .limit(1);
  if (!row) throw new NotFoundError("Member not found");
  return {
    id: row.id,
    userId: row.userId,
    email: row.email,
    name: row.name,
    status: row.status,
    role: { id: row.roleId, name: row.roleName, permissions: row.rolePermissions, isBuiltin: row.roleIsBuiltin },
  };
}

/** Active members holding the built-in Owner role. */
export async function countActiveOwners(tx: DbOrTx, integratorId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(
      and(
        eq(memberships.integratorId, integratorId),
        eq(memberships.status, "active"),
        eq(roles.isBuiltin, true),
        eq(roles.name, OWNER_ROLE_NAME),
      ),
    );
  return row?.n ?? 0;
}

/** The member is the only active Owner left: removing, disabling or demoting them would orphan the team. */
export async function assertNotLastOwner(
  tx: DbOrTx,
  member: MemberRow,
  integratorId: string,
  what: string,
): Promise<void> {
  if (!isOwnerRole(member.role) || member.status !== "active") return;
  if ((await countActiveOwners(tx, integratorId)) <= 1) {
    throw new ForbiddenError(`You cannot ${what} the last Owner. Make another member an Owner first.`);
  }
}

export function assertNotSelf(
  scope: Scope,
  member: Pick<MemberRow, "userId">,
  message: string,
): void {
  if (member.userId === requireMember(scope).userId) throw new ForbiddenError(message);
}
