import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { integratorMarkets, integrators, memberships, roles, users, type Environment } from "@/lib/db/schema";
import type { Market } from "@/lib/markets";
import { ABSOLUTE_SESSION_SECONDS, SESSION_COOKIE, decodeSessionToken } from "./session-cookie";
import { CONTEXT_COOKIE, decodeContextCookie, type ContextSelection } from "./context-cookie";
import { isPermission, type Permission } from "./permissions";
import type { MemberScope, Scope } from "./principal";
import { ForbiddenError, UnauthorizedError } from "./errors";

export { actorOf, requireMember, type MemberScope, type Principal, type Scope } from "./principal";

export interface SessionUser {
  userId: string;
  email: string;
  name: string;
  integratorId: string;
  organization: string;
  timezone: string;
  role: string;
  permissions: ReadonlySet<Permission>;
  productionEnabled: boolean;
  preferredEnvironment: Environment | null;
  /** Two-factor (TOTP) is on for this user. */
  twoFactorEnabled?: boolean;
  /** The organisation requires two-factor of every member (integrators.require_two_factor). */
  twoFactorRequired?: boolean;
  /** Every market of the organisation, both environments (read with the user: one round trip per request). */
  markets?: MarketRow[];
}

type MarketRow = { environment: Environment; country: string; currency: string; isDefault: boolean };

/**
 * The signed-in user, checked against the database on every request: the JWT must carry the
 * current session version (logout, password change, role change, disable bump it), be younger
 * than the absolute timeout, and the membership must be active. Null otherwise.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // The session JWT straight from its cookie: decode() decrypts and authenticates it (JWE,
  // A256GCM) and refuses it once expired. Not getServerSession: that runs next-auth's whole session
  // endpoint and re-encrypts a new cookie on every call (~half the gate's time); the idle-timeout
  // refresh is proxy.ts's job.
  const token = await decodeSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  const { uid, sv, authTime } = token ?? {};
  if (typeof uid !== "string" || typeof sv !== "number" || typeof authTime !== "number") return null;
  if (Date.now() / 1000 - authTime > ABSOLUTE_SESSION_SECONDS) return null;
  return loadSessionUser(await getDb(), uid, sv);
});

export async function loadSessionUser(db: Db, userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      sessionVersion: users.sessionVersion,
      preferredEnvironment: users.preferredEnvironment,
      totpEnabledAt: users.totpEnabledAt,
      integratorId: memberships.integratorId,
      role: roles.name,
      permissions: roles.permissions,
      organization: integrators.organization,
      timezone: integrators.timezone,
      productionStatus: integrators.productionStatus,
      requireTwoFactor: integrators.requireTwoFactor,
      markets: sql<MarketRow[] | null>`(
        select json_agg(json_build_object('environment', m.environment, 'country', m.country, 'currency', m.currency, 'isDefault', m.is_default))
        from ${integratorMarkets} m where m.integrator_id = ${memberships.integratorId})`,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.status, "active")))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .innerJoin(integrators, eq(integrators.id, memberships.integratorId))
    .where(eq(users.id, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!row || row.sessionVersion !== sessionVersion) return null;
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    integratorId: row.integratorId,
    organization: row.organization,
    timezone: row.timezone,
    role: row.role,
    permissions: new Set(row.permissions.filter(isPermission)),
    productionEnabled: row.productionStatus === "active",
    preferredEnvironment: row.preferredEnvironment,
    twoFactorEnabled: row.totpEnabledAt !== null,
    twoFactorRequired: row.requireTwoFactor,
    markets: row.markets ?? [],
  };
}

/**
 * Turns a (possibly stale or forged) selection into a valid one: an environment the integrator
 * has, and a market it has in that environment; otherwise its default market.
 */
export async function resolveSelection(
  db: Db,
  user: Pick<SessionUser, "integratorId" | "productionEnabled" | "preferredEnvironment" | "markets">,
  selection: ContextSelection | null,
): Promise<{ environment: Environment; market: Market; markets: Market[] }> {
  let environment: Environment = selection?.environment ?? user.preferredEnvironment ?? "sandbox";
  if (environment === "production" && !user.productionEnabled) environment = "sandbox";
  const rows = user.markets
    ? user.markets
        .filter((m) => m.environment === environment)
        .sort((a, b) => a.currency.localeCompare(b.currency) || a.country.localeCompare(b.country))
    : await db
        .select({ country: integratorMarkets.country, currency: integratorMarkets.currency, isDefault: integratorMarkets.isDefault })
        .from(integratorMarkets)
        .where(and(eq(integratorMarkets.integratorId, user.integratorId), eq(integratorMarkets.environment, environment)))
        .orderBy(asc(integratorMarkets.currency), asc(integratorMarkets.country));
  const markets = rows.map(({ country, currency }) => ({ country, currency }));
  const wanted = selection?.market;
  const chosen =
    (wanted && rows.find((r) => r.country === wanted.country && r.currency === wanted.currency)) ||
    rows.find((r) => r.isDefault) ||
    rows[0];
  if (!chosen) throw new ForbiddenError(`Your organisation has no markets enabled in ${environment}.`);
  return { environment, market: { country: chosen.country, currency: chosen.currency }, markets };
}

/** The scope of the current request; throws UnauthorizedError without a valid session. */
export const requireScope = cache(async (): Promise<MemberScope> => {
  const user = await getSessionUser();
  if (!user) throw new UnauthorizedError();
  const jar = await cookies();
  const selection = decodeContextCookie(jar.get(CONTEXT_COOKIE)?.value, user.userId);
  const { environment, market, markets } = await resolveSelection(await getDb(), user, selection);
  return {
    principal: { kind: "session", userId: user.userId, email: user.email, name: user.name },
    integratorId: user.integratorId,
    organization: user.organization,
    timezone: user.timezone,
    role: user.role,
    permissions: user.permissions,
    environment,
    market,
    markets,
    productionEnabled: user.productionEnabled,
    needsEnvironmentChoice: user.preferredEnvironment === null,
    needsTwoFactorSetup: Boolean(user.twoFactorRequired && !user.twoFactorEnabled),
  };
});

export function can(scope: Pick<Scope, "permissions">, permission: Permission): boolean {
  return scope.permissions.has(permission);
}

