import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiKeys, integratorMarkets, integrators, type Environment } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/principal";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { UnauthorizedError } from "@/lib/auth/errors";
import { hashApiKey, looksLikeApiKey } from "./key-material";
import { memberKeyPermissions } from "./api-key-dto";
import { API_KEY_PERMISSIONS } from "./schemas";

export const INVALID_API_KEY = "Invalid Api Key";

export interface AuthenticatedKey {
  scope: Scope;
  keyId: string;
  isSecure: boolean;
  secretEncrypted: string | null;
}

/**
 * The principal of a public API request: the key's integrator, environment and permissions. A
 * missing, malformed, unknown, revoked or expired key, a key of another environment than the one
 * this host serves, and a user-bound key whose user is no longer an active member are all the same
 * 401 ("Invalid Api Key"): nothing tells a guesser which. A user-bound key holds its grants only
 * while its user's role still has them (a role change or a disable takes them away at once).
 */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
  opts: { now: Date; environment?: Environment | null; ip?: string | null },
): Promise<AuthenticatedKey> {
  const token = /^Bearer ([^\s]+)$/.exec(authorization?.trim() ?? "")?.[1] ?? "";
  if (!looksLikeApiKey(token)) throw new UnauthorizedError(INVALID_API_KEY);
  const [key] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      integratorId: apiKeys.integratorId,
      environment: apiKeys.environment,
      isSecure: apiKeys.isSecure,
      secretEncrypted: apiKeys.secretEncrypted,
      ownerUserId: apiKeys.ownerUserId,
      permissions: apiKeys.permissions,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      organization: integrators.organization,
      timezone: integrators.timezone,
      productionStatus: integrators.productionStatus,
      // The integrator's markets in the key's environment, default first, in the same round trip.
      markets: sql<{ country: string; currency: string }[]>`coalesce((
        select json_agg(json_build_object('country', m.country, 'currency', m.currency) order by m.is_default desc, m.currency, m.country)
        from ${integratorMarkets} m where m.integrator_id = ${apiKeys.integratorId} and m.environment = ${apiKeys.environment}), '[]'::json)`,
    })
    .from(apiKeys)
    .innerJoin(integrators, eq(integrators.id, apiKeys.integratorId))
    .where(eq(apiKeys.keyHash, hashApiKey(token)))
    .limit(1);
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= opts.now)) throw new UnauthorizedError(INVALID_API_KEY);
  if (opts.environment && key.environment !== opts.environment) throw new UnauthorizedError(INVALID_API_KEY);
  if (key.environment === "production" && key.productionStatus !== "active") throw new UnauthorizedError(INVALID_API_KEY);

  let permissions: Permission[] = API_KEY_PERMISSIONS.slice();
  let role = "Integrator key";
  if (key.ownerUserId) {
    const owner = await memberKeyPermissions(db, key.integratorId, key.ownerUserId);
    if (!owner) throw new UnauthorizedError(INVALID_API_KEY);
    permissions = key.permissions.filter((p): p is Permission => isPermission(p) && owner.permissions.includes(p));
    role = `Key of ${owner.email}`;
  }

  const markets = typeof key.markets === "string" ? (JSON.parse(key.markets) as typeof key.markets) : key.markets;
  const home = markets[0] ?? { country: "KE", currency: "KES" };

  // Last used (time and IP), written at most once a minute per key so a busy key costs no extra write per call.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: opts.now, lastUsedIp: opts.ip ?? null })
    .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`${opts.now.toISOString()}::timestamptz - interval '60 seconds'`))));

  return {
    keyId: key.id,
    isSecure: key.isSecure,
    secretEncrypted: key.secretEncrypted,
    scope: {
      principal: { kind: "api_key", keyId: key.id, keyName: key.name, userId: key.ownerUserId },
      integratorId: key.integratorId,
      organization: key.organization,
      timezone: key.timezone,
      role,
      permissions: new Set(permissions),
      environment: key.environment,
      market: { country: home.country, currency: home.currency },
      markets: [...markets].sort((a, b) => a.currency.localeCompare(b.currency) || a.country.localeCompare(b.country)),
      productionEnabled: key.productionStatus === "active",
      needsEnvironmentChoice: false,
    },
  };
}
