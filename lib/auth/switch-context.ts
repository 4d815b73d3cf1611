import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { parseMarketKey, type Market } from "@/lib/markets";
import type { Environment } from "@/lib/db/schema/enums";
import { requireMember, type Scope } from "./principal";
import { resolveSelection } from "./scope";
import { ForbiddenError, ValidationError } from "./errors";
import type { RequestMeta } from "./guard";

export const selectContextSchema = z.object({
  environment: z.enum(["sandbox", "production"], { error: "Unknown environment" }),
  country: z.string().regex(/^[A-Z]{2}$/, "Unknown country").optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "Unknown currency").optional(),
  /** The first-sign-in gate also remembers the choice on the account. */
  remember: z.boolean().optional(),
});
export type SelectContextInput = z.infer<typeof selectContextSchema>;

/** The `m` / `env` query keys every dashboard URL carries ("KE-KES", "sandbox"), as a selection. */
export function contextFromQuery(m: string | null, env: string | null): SelectContextInput | null {
  const market = m ? parseMarketKey(m) : null;
  if ((env !== "sandbox" && env !== "production") || (m && !market)) return null;
  return { environment: env, ...(market ? { country: market.country, currency: market.currency } : {}) };
}

export const PRODUCTION_LOCKED = "Production is not enabled for your organisation yet. Request go-live from Settings.";

/**
 * Switches the member's environment and/or market (the caller stores the result in the context
 * cookie). The choice is checked against the integrator's markets: Production is refused when it
 * is not provisioned, a market the integrator lacks in that environment is refused. An environment
 * switch is audited.
 */
export async function switchContext(
  db: Db,
  scope: Scope,
  input: SelectContextInput,
  meta?: Partial<RequestMeta>,
): Promise<{ environment: Environment; market: Market }> {
  const member = requireMember(scope);
  if (input.environment === "production" && !scope.productionEnabled) throw new ForbiddenError(PRODUCTION_LOCKED);
  const wanted = input.country && input.currency ? { country: input.country, currency: input.currency } : null;
  const resolved = await resolveSelection(
    db,
    { integratorId: scope.integratorId, productionEnabled: scope.productionEnabled, preferredEnvironment: null },
    { environment: input.environment, market: wanted },
  );
  if (wanted && (resolved.market.country !== wanted.country || resolved.market.currency !== wanted.currency)) {
    throw new ValidationError(`${wanted.country} / ${wanted.currency} is not enabled in ${input.environment}.`);
  }
  if (input.remember || scope.needsEnvironmentChoice) {
    await db.update(users).set({ preferredEnvironment: resolved.environment }).where(eq(users.id, member.userId));
  }
  if (resolved.environment !== scope.environment) {
    await writeAudit(db, {
      ...auditedBy(scope, meta),
      environment: resolved.environment,
      action: "context.environment_switched",
      metadata: { from: scope.environment, to: resolved.environment },
    });
  }
  return { environment: resolved.environment, market: resolved.market };
}
