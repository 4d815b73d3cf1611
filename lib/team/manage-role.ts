import "server-only";
import { requireMember, type Scope } from "@/lib/auth/scope";
import { and, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { invites, memberships, roles, users } from "@/lib/db/schema";
import { BUILTIN_ROLE_NAMES, type Permission } from "@/lib/auth/permissions";
import { ForbiddenError, ValidationError } from "@/lib/auth/errors";
import { auditTeam, lockIntegrator, type ServiceContext, type Tx } from "./context";
import { assertCanGrant, findRole, missingPermissions, type RoleRow } from "./guards";

export interface RoleResult {
  id: string;
  name: string;
}

interface RoleFields {
  name: string;
  description: string;
  permissions: Permission[];
}

async function assertNameFree(tx: Tx, scope: Scope, name: string, exceptRoleId?: string): Promise<void> {
  if (BUILTIN_ROLE_NAMES.some((b) => b.toLowerCase() === name.toLowerCase())) {
    throw new ValidationError(`${name} is a built-in role name. Choose another name.`, {
      name: [`${name} is a built-in role name. Choose another name.`],
    });
  }
  const [taken] = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(
      and(
        inScope(roles, scope),
        sql`lower(${roles.name}) = ${name.toLowerCase()}`,
        exceptRoleId ? ne(roles.id, exceptRoleId) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    throw new ValidationError(`A role named "${name}" already exists.`, {
      name: [`A role named "${name}" already exists.`],
    });
  }
}

function assertCanEditRole(scope: Scope, role: RoleRow): void {
  if (role.isBuiltin) throw new ForbiddenError(`${role.name} is a built-in role and cannot be changed.`);
  if (missingPermissions(scope, role.permissions).length) {
    throw new ForbiddenError(`You cannot change the ${role.name} role: it includes permissions you do not hold.`);
  }
}

async function ownRoleId(tx: Tx, scope: Scope): Promise<string | null> {
  const [row] = await tx
    .select({ roleId: memberships.roleId })
    .from(memberships)
    .where(and(inScope(memberships, scope), eq(memberships.userId, requireMember(scope).userId)))
    .limit(1);
  return row?.roleId ?? null;
}

/** A custom role. Its permissions must be ones the creator holds. */
export async function createRole(
  db: Db,
  scope: Scope,
  input: RoleFields,
  ctx: ServiceContext = {},
): Promise<RoleResult> {
  return db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    assertCanGrant(scope, { name: input.name, permissions: input.permissions });
    await assertNameFree(tx, scope, input.name);
    const [role] = await tx
      .insert(roles)
      .values({
        integratorId: scope.integratorId,
        name: input.name,
        description: input.description,
        permissions: [...input.permissions],
        isBuiltin: false,
      })
      .returning({ id: roles.id, name: roles.name });
    await auditTeam(tx, scope, ctx, {
      action: "role.created",
      targetType: "role",
      targetId: role!.id,
      metadata: { name: input.name, permissions: input.permissions },
    });
    return role!;
  });
}

/** Renames / re-describes a custom role or changes its permissions; its members get them on their next request. */
export async function updateRole(
  db: Db,
  scope: Scope,
  input: RoleFields & { roleId: string },
  ctx: ServiceContext = {},
): Promise<RoleResult> {
  return db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const role = await findRole(tx, scope, input.roleId);
    assertCanEditRole(scope, role);
    assertCanGrant(scope, { name: input.name, permissions: input.permissions });
    await assertNameFree(tx, scope, input.name, role.id);
    await tx
      .update(roles)
      .set({
        name: input.name,
        description: input.description,
        permissions: [...input.permissions],
        updatedAt: new Date(),
      })
      .where(and(eq(roles.id, role.id), inScope(roles, scope)));
    const added = input.permissions.filter((p) => !role.permissions.includes(p));
    const removed = role.permissions.filter((p) => !(input.permissions as string[]).includes(p));
    await auditTeam(tx, scope, ctx, {
      action: "role.updated",
      targetType: "role",
      targetId: role.id,
      metadata: { name: input.name, ...(role.name !== input.name ? { renamedFrom: role.name } : {}), added, removed },
    });
    return { id: role.id, name: input.name };
  });
}

/**
 * Deletes a custom role. A role with members or pending invites needs another role to move them
 * to (`reassignToRoleId`); moved members' sessions end. Used-up invites of the role are dropped
 * (the audit log keeps their history).
 */
export async function deleteRole(
  db: Db,
  scope: Scope,
  input: { roleId: string; reassignToRoleId?: string },
  ctx: ServiceContext = {},
): Promise<RoleResult & { membersMoved: number; invitesMoved: number }> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const role = await findRole(tx, scope, input.roleId);
    assertCanEditRole(scope, role);
    if ((await ownRoleId(tx, scope)) === role.id) {
      throw new ForbiddenError("You cannot delete your own role. Ask another administrator to do it.");
    }
    const members = await tx
      .select({ id: memberships.id, userId: memberships.userId, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(inScope(memberships, scope), eq(memberships.roleId, role.id)));
    const pendingInvite = and(isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now));
    const pending = await tx
      .select({ id: invites.id })
      .from(invites)
      .where(and(inScope(invites, scope), eq(invites.roleId, role.id), pendingInvite));

    let target: RoleRow | null = null;
    if (members.length || pending.length) {
      if (!input.reassignToRoleId) {
        const what = [
          members.length ? `${members.length} member${members.length === 1 ? "" : "s"}` : "",
          pending.length ? `${pending.length} pending invite${pending.length === 1 ? "" : "s"}` : "",
        ]
          .filter(Boolean)
          .join(" and ");
        const message = `${role.name} has ${what}. Choose a role to move them to before deleting it.`;
        throw new ValidationError(message, { reassignToRoleId: [message] });
      }
      if (input.reassignToRoleId === role.id) {
        throw new ValidationError("Choose a different role to move the members to.", {
          reassignToRoleId: ["Choose a different role to move the members to."],
        });
      }
      target = await findRole(tx, scope, input.reassignToRoleId);
      assertCanGrant(scope, target);
    }

    if (target && members.length) {
      await tx
        .update(memberships)
        .set({ roleId: target.id, updatedAt: now })
        .where(and(inScope(memberships, scope), eq(memberships.roleId, role.id)));
      await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(
          inArray(
            users.id,
            members.map((m) => m.userId),
          ),
        );
      for (const m of members) {
        await auditTeam(tx, scope, ctx, {
          action: "team.member_role_changed",
          targetType: "member",
          targetId: m.id,
          metadata: {
            email: m.email,
            from: { id: role.id, name: role.name },
            to: { id: target.id, name: target.name },
            reason: "role_deleted",
          },
        });
      }
    }
    if (target && pending.length) {
      await tx
        .update(invites)
        .set({ roleId: target.id })
        .where(and(inScope(invites, scope), eq(invites.roleId, role.id), pendingInvite));
    }
    // Invites that can no longer be used (accepted, revoked, expired) still point at the role.
    await tx
      .delete(invites)
      .where(
        and(
          inScope(invites, scope),
          eq(invites.roleId, role.id),
          or(isNotNull(invites.acceptedAt), isNotNull(invites.revokedAt), sql`${invites.expiresAt} <= ${now}`),
        ),
      );
    await tx.delete(roles).where(and(eq(roles.id, role.id), inScope(roles, scope)));
    await auditTeam(tx, scope, ctx, {
      action: "role.deleted",
      targetType: "role",
      targetId: role.id,
      metadata: {
        name: role.name,
        permissions: role.permissions,
        ...(target ? { reassignedTo: { id: target.id, name: target.name } } : {}),
        membersMoved: members.length,
        invitesMoved: pending.length,
      },
    });
    return { id: role.id, name: role.name, membersMoved: members.length, invitesMoved: pending.length };
  });
}
