import type { Environment } from "@/lib/db/schema/enums";
import type { Market } from "@/lib/markets";
import { ALL_PERMISSIONS, type Permission } from "./permissions";
import type { MemberScope } from "./principal";

/**
 * The scope the gate would give a signed-in member, for tests: an Owner in the sandbox, KE/KES,
 * unless told otherwise. The one builder every suite uses (team, wallets, transactions…).
 */
export function testScope(
  integratorId: string,
  opts: {
    userId?: string;
    email?: string;
    name?: string;
    organization?: string;
    role?: string;
    permissions?: readonly Permission[];
    environment?: Environment;
    market?: Market;
    markets?: readonly Market[];
    timezone?: string;
    productionEnabled?: boolean;
  } = {},
): MemberScope {
  const market = opts.market ?? { country: "KE", currency: "KES" };
  return {
    principal: {
      kind: "session",
      userId: opts.userId ?? `user-${integratorId.slice(0, 8)}`,
      email: opts.email ?? "owner@test.invalid",
      name: opts.name ?? "Test Owner",
    },
    integratorId,
    organization: opts.organization ?? "Test Org",
    timezone: opts.timezone ?? "Africa/Nairobi",
    role: opts.role ?? "Owner",
    permissions: new Set(opts.permissions ?? ALL_PERMISSIONS),
    environment: opts.environment ?? "sandbox",
    market: { ...market },
    markets: (opts.markets ?? [market]).map((m) => ({ ...m })),
    productionEnabled: opts.productionEnabled ?? true,
    needsEnvironmentChoice: false,
  };
}
