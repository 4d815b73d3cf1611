import type { Environment } from "@/lib/db/schema/enums";
import type { Market } from "@/lib/markets";
import type { Permission } from "./permissions";
import { ForbiddenError } from "./errors";

/**
 * Who is asking. A dashboard session today; an API key once the developers area lands (the public
 * API resolves one through the same gate). Services that only make sense for a person (team,
 * account) take the member with `requireMember(scope)`; everything else works for both.
 */
export type Principal =
  | { kind: "session"; userId: string; email: string; name: string }
  | { kind: "api_key"; keyId: string; keyName: string; /** The user a user-bound key belongs to. */ userId: string | null }
  /** A payer on a payment link's public checkout: no permissions, only the link's own payment. */
  | { kind: "payment_link"; linkId: string; shortCode: string }
  /** A bulk payment's batch sending its items (a job), on behalf of the member who started it. */
  | { kind: "bulk"; batchId: string; batchName: string; userId: string | null };

/** Who is asking, for which integrator, in which environment and market. Every service takes it. */
export interface Scope {
  principal: Principal;
  integratorId: string;
  organization: string;
  timezone: string;
  /** The role's name (a session's member role; an API key's owner role). */
  role: string;
  permissions: ReadonlySet<Permission>;
  environment: Environment;
  market: Market;
  /** Markets the integrator has in the current environment (for the selectors). */
  markets: readonly Market[];
  /** Whether the integrator is provisioned for Production. */
  productionEnabled: boolean;
  /** True when the user has never chosen an environment (first sign-in gate). */
  needsEnvironmentChoice: boolean;
  /**
   * True when the organisation requires two-factor and this user has not set it up: pages send
   * them to /two-factor and the gate refuses every other action and route (lib/auth/guard.ts).
   */
  needsTwoFactorSetup?: boolean;
}

/** A scope whose principal is a signed-in member (what pages and dashboard actions get). */
export type MemberScope = Scope & { principal: Extract<Principal, { kind: "session" }> };

/** The signed-in member behind a scope; an API key asking for a person-only operation is refused. */
export function requireMember(scope: Scope): MemberScope["principal"] {
  if (scope.principal.kind !== "session") throw new ForbiddenError("This needs a signed-in member of the dashboard.");
  return scope.principal;
}

/** Who to record as the actor (audit rows, created_by): the member, or the API key and its user. */
export function actorOf(scope: Pick<Scope, "principal">): { userId: string | null; email: string | null } {
  const p = scope.principal;
  if (p.kind === "session") return { userId: p.userId, email: p.email };
  if (p.kind === "payment_link") return { userId: null, email: `Payment link /l/${p.shortCode}` };
  if (p.kind === "bulk") return { userId: p.userId, email: `Bulk payment ${p.batchName}` };
  return { userId: p.userId, email: `API key ${p.keyName}` };
}

/**
 * The scope of work done for an integrator without a member behind it (a checkout payer, a bulk
 * batch's job): one market of one environment, no permissions — the services it calls check
 * nothing a member would need, and every query still goes through the tenant filter.
 */
export function principalScope(
  principal: Exclude<Principal, { kind: "session" }>,
  at: { integratorId: string; organization: string; timezone: string; role: string; environment: Environment; market: Market },
): Scope {
  return {
    principal,
    integratorId: at.integratorId,
    organization: at.organization,
    timezone: at.timezone,
    role: at.role,
    permissions: new Set(),
    environment: at.environment,
    market: { ...at.market },
    markets: [{ ...at.market }],
    productionEnabled: at.environment === "production",
    needsEnvironmentChoice: false,
  };
}

