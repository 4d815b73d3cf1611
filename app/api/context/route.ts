import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";

/** The current user's resolved scope (what the shell shows); 401 without a session. */
export const GET = gatedRoute("signed-in", z.object({}), async ({ scope }) => ({
  organization: scope.organization,
  email: scope.principal.email,
  role: scope.role,
  permissions: [...scope.permissions].sort(),
  environment: scope.environment,
  market: scope.market,
  markets: scope.markets,
  productionEnabled: scope.productionEnabled,
  timezone: scope.timezone,
}));
