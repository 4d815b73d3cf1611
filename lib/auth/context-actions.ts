"use server";

import { cookies } from "next/headers";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import { gatedAction } from "./guard";
import { getSessionUser, resolveSelection } from "./scope";
import { CONTEXT_COOKIE, encodeContextCookie } from "./context-cookie";
import { ForbiddenError, ValidationError } from "./errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";

const selectContextSchema = z.object({
  environment: z.enum(["sandbox", "production"]),
  country: z.string().regex(/^[A-Z]{2}$/, "Unknown country").optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "Unknown currency").optional(),
  /** The first-sign-in gate also remembers the choice on the account. */
  remember: z.boolean().optional(),
});

/**
 * Switches environment and/or market. The choice is validated against the integrator's
 * markets: Production is refused when it is not provisioned; an unknown market is refused.
 */
export const selectContext = gatedAction("context.select", null, selectContextSchema, async ({ db, scope, input, meta }) => {
  const user = await getSessionUser();
  if (!user) throw new ForbiddenError();
  if (input.environment === "production" && !user.productionEnabled) {
    throw new ForbiddenError("Production is not enabled for your organisation yet. Request go-live from Settings.");
  }
  const wanted = input.country && input.currency ? { country: input.country, currency: input.currency } : null;
  const resolved = await resolveSelection(db, user, { environment: input.environment, market: wanted });
  if (wanted && (resolved.market.country !== wanted.country || resolved.market.currency !== wanted.currency)) {
    throw new ValidationError(`${wanted.country} / ${wanted.currency} is not enabled in ${input.environment}.`);
  }
  (await cookies()).set(CONTEXT_COOKIE, encodeContextCookie(user.userId, resolved), {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  if (input.remember || scope.needsEnvironmentChoice) {
    await db.update(users).set({ preferredEnvironment: resolved.environment }).where(eq(users.id, user.userId));
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
});
