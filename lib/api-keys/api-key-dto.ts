import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { apiKeys, memberships, roles, users } from "@/lib/db/schema";
import type { Tx } from "@/lib/ledger/ledger";
import { NotFoundError } from "@/lib/auth/errors";
import { inScope } from "@/lib/db/tenant";
import type { Scope } from "@/lib/auth/principal";
import { API_KEY_PERMISSIONS } from "./schemas";

export type ApiKeyStatus = "active" | "expiring" | "expired" | "revoked";

/** One row of the API Keys page. Never carries the key or its hash. */
export interface ApiKeyDto {
  id: string;
  name: string;
  /** e.g. "kp_test_Ab3x": shown as "kp_test_Ab3x…". */
  prefix: string;
  environment: "sandbox" | "production";
  secure: boolean;
  owner: { kind: "integrator" } | { kind: "user"; userId: string; email: string; name: string };
  /** "*" for an integrator-level key; a user-bound key's grants (what it can use also needs its user's role). */
  permissions: "*" | string[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  rolledFrom: string | null;
  status: ApiKeyStatus;
}

/** A key rolled or due to expire within this window shows "expiring". */
const EXPIRING_SOON_MS = 7 * 24 * 3600 * 1000;

export function keyStatus(k: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && k.expiresAt <= now) return "expired";
  if (k.expiresAt && k.expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_MS) return "expiring";
  return "active";
}

const ownerUser = alias(users, "owner_user");
const creator = alias(users, "creator");

export const keyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  environment: apiKeys.environment,
  isSecure: apiKeys.isSecure,
  ownerUserId: apiKeys.ownerUserId,
  ownerEmail: ownerUser.email,
  ownerName: ownerUser.name,
  permissions: apiKeys.permissions,
  createdAt: apiKeys.createdAt,
  createdBy: creator.email,
  lastUsedAt: apiKeys.lastUsedAt,
  lastUsedIp: apiKeys.lastUsedIp,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  rolledFrom: apiKeys.rolledFrom,
};

type KeyRow = Awaited<ReturnType<typeof selectKeys>>[number];

export function toKeyDto(r: KeyRow, now: Date): ApiKeyDto {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    environment: r.environment,
    secure: r.isSecure,
    owner: r.ownerUserId ? { kind: "user", userId: r.ownerUserId, email: r.ownerEmail ?? "", name: r.ownerName ?? "" } : { kind: "integrator" },
    permissions: r.ownerUserId ? r.permissions : "*",
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: r.lastUsedIp,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    rolledFrom: r.rolledFrom,
    status: keyStatus(r, now),
  };
}

/** The keys of this integrator and environment (newest first), optionally one key. */
export function selectKeys(db: Db | Tx, scope: Pick<Scope, "integratorId" | "environment" | "market">, where?: ReturnType<typeof eq>) {
  return db
    .select(keyColumns)
    .from(apiKeys)
    .leftJoin(ownerUser, eq(ownerUser.id, apiKeys.ownerUserId))
    .leftJoin(creator, eq(creator.id, apiKeys.createdBy))
    .where(and(inScope(apiKeys, scope), where));
}

export async function getKeyDto(db: Db | Tx, scope: Scope, keyId: string, now: Date): Promise<ApiKeyDto> {
  const [row] = await selectKeys(db, scope, eq(apiKeys.id, keyId)).limit(1);
  if (!row) throw new NotFoundError("API key not found");
  return toKeyDto(row, now);
}

/** An active member of the integrator and the permissions a key of theirs may hold (their role's, API ones only). */
export async function memberKeyPermissions(db: Db | Tx, integratorId: string, userId: string): Promise<{ email: string; permissions: string[] } | null> {
  const [m] = await db
    .select({ email: users.email, permissions: roles.permissions })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.integratorId, integratorId), eq(memberships.userId, userId), eq(memberships.status, "active")))
    .limit(1);
  if (!m) return null;
  return { email: m.email, permissions: m.permissions.filter((p) => (API_KEY_PERMISSIONS as readonly string[]).includes(p)) };
}
