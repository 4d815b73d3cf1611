import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiKeys, memberships, roles, users } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/principal";
import { API_KEY_PERMISSIONS } from "./schemas";
import { selectKeys, toKeyDto, type ApiKeyDto } from "./api-key-dto";

export interface KeyOwnerChoice {
  userId: string;
  email: string;
  name: string;
  /** What a key of theirs may be granted (their role's API permissions). */
  permissions: string[];
}

export interface ApiKeysPage {
  keys: ApiKeyDto[];
  /** The owner filter's and the Generate dialog's members (active ones). */
  owners: KeyOwnerChoice[];
}

/** API Keys (§2.8): this environment's keys, newest first, scoped by the owner filter. */
export async function listApiKeys(db: Db, scope: Scope, query: { owner: string }, now = new Date()): Promise<ApiKeysPage> {
  const ownerFilter =
    query.owner === "all" ? undefined : query.owner === "integrator" ? isNull(apiKeys.ownerUserId) : eq(apiKeys.ownerUserId, query.owner);
  const [rows, members] = await Promise.all([
    selectKeys(db, scope, ownerFilter).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(500),
    db
      .select({ userId: users.id, email: users.email, name: users.name, permissions: roles.permissions })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(roles, eq(roles.id, memberships.roleId))
      .where(and(eq(memberships.integratorId, scope.integratorId), eq(memberships.status, "active")))
      .orderBy(asc(users.email)),
  ]);
  return {
    keys: rows.map((r) => toKeyDto(r, now)),
    owners: members.map((m) => ({ ...m, permissions: m.permissions.filter((p) => (API_KEY_PERMISSIONS as readonly string[]).includes(p)) })),
  };
}
