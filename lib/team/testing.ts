/**
 * Test fixtures for the team area (integration tests only): an organisation with the built-in
 * roles, members, and a scope as the gate would build it.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { integrators, memberships, roles, users } from "@/lib/db/schema";
import { BUILTIN_ROLES, isPermission, type Permission } from "@/lib/auth/permissions";
import type { MemberScope } from "@/lib/auth/scope";
import { testScope } from "@/lib/auth/test-scope";

export interface TestOrg {
  integratorId: string;
  organization: string;
  /** Built-in role name → role id. */
  roles: Record<string, string>;
}

export async function createTestOrg(db: Db, organization = `Org ${randomBytes(3).toString("hex")}`): Promise<TestOrg> {
  const [org] = await db
    .insert(integrators)
    .values({
      organization,
      email: `ops@${randomBytes(4).toString("hex")}.test`,
      countryCode: "KE",
      timezone: "Africa/Nairobi",
    })
    .returning({ id: integrators.id });
  const ids: Record<string, string> = {};
  for (const [name, def] of Object.entries(BUILTIN_ROLES)) {
    const [role] = await db
      .insert(roles)
      .values({
        integratorId: org!.id,
        name,
        description: def.description,
        permissions: [...def.permissions],
        isBuiltin: true,
      })
      .returning({ id: roles.id });
    ids[name] = role!.id;
  }
  return { integratorId: org!.id, organization, roles: ids };
}

export interface TestMember {
  userId: string;
  memberId: string;
  email: string;
  name: string;
  roleId: string;
  permissions: Permission[];
}

export async function addTestMember(
  db: Db,
  org: TestOrg,
  opts: {
    role?: string;
    roleId?: string;
    email?: string;
    name?: string;
    status?: "active" | "disabled";
    passwordHash?: string | null;
  } = {},
): Promise<TestMember> {
  const roleId = opts.roleId ?? org.roles[opts.role ?? "Viewer"]!;
  const email = (opts.email ?? `user-${randomBytes(4).toString("hex")}@example.test`).toLowerCase();
  const name = opts.name ?? email.split("@")[0]!;
  const [user] = await db
    .insert(users)
    .values({ email, name, passwordHash: opts.passwordHash ?? null, preferredEnvironment: "sandbox" })
    .returning({ id: users.id });
  const [member] = await db
    .insert(memberships)
    .values({ integratorId: org.integratorId, userId: user!.id, roleId, status: opts.status ?? "active" })
    .returning({ id: memberships.id });
  const [role] = await db.select({ permissions: roles.permissions }).from(roles).where(eqId(roleId));
  return {
    userId: user!.id,
    memberId: member!.id,
    email,
    name,
    roleId,
    permissions: role!.permissions.filter(isPermission),
  };
}

function eqId(roleId: string) {
  return eq(roles.id, roleId);
}

/** The scope the gate would give this member (permissions as stored on their role, or overridden). */
export function scopeOf(
  org: TestOrg,
  member: TestMember,
  permissions: readonly Permission[] = member.permissions,
): MemberScope {
  return testScope(org.integratorId, {
    userId: member.userId,
    email: member.email,
    name: member.name,
    organization: org.organization,
    role: "test",
    permissions,
    productionEnabled: false,
  });
}
