import { BUILTIN_ROLES } from "../../auth/permissions";
import { integratorMarkets, integrators, memberships, roles, users } from "../schema";
import { iso, type SeedContext } from "./context";
import { DAY_MS, type IntegratorPlan } from "./plan";

export interface SeededTeam {
  integratorId: string;
  /** user id per built-in role name that has a member. */
  userByRole: Record<string, string>;
  ownerId: string;
}

/** The integrator, its built-in roles, its users (one shared password hash), memberships and markets. */
export async function seedTeam(ctx: SeedContext, plan: IntegratorPlan, passwordHash: string): Promise<SeededTeam> {
  const { loader, ids } = ctx;
  const createdAt = ctx.start - 30 * DAY_MS;
  const integratorId = ids.next(createdAt);
  await loader.insertNow(integrators, [
    {
      id: integratorId,
      organization: plan.organization,
      productName: plan.productName,
      email: plan.email,
      phone: plan.phone,
      countryCode: plan.countryCode,
      timezone: plan.timezone,
      productionStatus: plan.productionStatus,
      requireTwoFactor: false,
      createdAt: iso(createdAt),
    },
  ]);

  const roleIds: Record<string, string> = {};
  await loader.insertNow(
    roles,
    Object.entries(BUILTIN_ROLES).map(([name, role]) => {
      roleIds[name] = ids.next(createdAt);
      return {
        id: roleIds[name],
        integratorId,
        name,
        description: role.description,
        permissions: [...role.permissions],
        isBuiltin: true,
        createdAt: iso(createdAt),
        updatedAt: iso(createdAt),
      };
    }),
  );

  const userByRole: Record<string, string> = {};
  const userRows = plan.members.map((m, i) => {
    const at = createdAt + i * 3_600_000;
    const id = ids.next(at);
    userByRole[m.role] ??= id;
    return {
      id,
      email: m.email.toLowerCase(),
      name: m.name,
      passwordHash,
      sessionVersion: 1,
      preferredEnvironment: "sandbox",
      createdAt: iso(at),
    };
  });
  await loader.insertNow(users, userRows);
  const ownerId = userRows[0].id;

  await loader.insertNow(
    memberships,
    plan.members.map((m, i) => {
      const at = createdAt + i * 3_600_000;
      return {
        id: ids.next(at),
        integratorId,
        userId: userRows[i].id,
        roleId: roleIds[m.role],
        status: "active",
        invitedBy: i === 0 ? null : ownerId,
        createdAt: iso(at),
        updatedAt: iso(at),
      };
    }),
  );

  await loader.insertNow(
    integratorMarkets,
    plan.markets.map((m) => ({
      integratorId,
      environment: m.environment,
      country: m.country,
      currency: m.currency,
      isDefault: m.isDefault,
      createdAt: iso(createdAt),
    })),
  );

  return { integratorId, userByRole, ownerId };
}
