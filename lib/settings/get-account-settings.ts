import "server-only";
import { asc, desc } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { integratorMarkets, integrators, type Environment } from "@/lib/db/schema";
import { ENVIRONMENTS } from "@/lib/db/schema/enums";
import { inScope } from "@/lib/db/tenant";

export type ProductionStatus = "not_started" | "requested" | "active";

export interface AccountMarket {
  country: string;
  currency: string;
  /** The market a member lands in first in this environment. */
  isDefault: boolean;
}

/** Settings → Account: the organisation as the dashboard shows it. */
export interface AccountSettings {
  organization: string;
  productName: string | null;
  /** The organisation's contact email (integrators.email). */
  contactEmail: string;
  phone: string | null;
  /** ISO-2 country of registration. */
  countryCode: string;
  /** IANA zone every timestamp is shown in (the sidebar widget switches to UTC). */
  timezone: string;
  /** Go-live (§2.10): not requested yet, requested, or active (Production provisioned). */
  productionStatus: ProductionStatus;
  /** The enabled country/currency pairs of each environment (default first). */
  markets: Record<Environment, AccountMarket[]>;
  /** The environment this session works in. */
  environment: Environment;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/** The integrator as a tenant table: its own id is the integrator column. */
const integratorTenant = { integratorId: integrators.id };

/**
 * The organisation of the scope: name, contact, zone, go-live status, and the markets enabled in
 * each environment. Every query goes through the tenant filter.
 */
export async function getAccountSettings(db: Db, scope: Scope): Promise<AccountSettings> {
  const [[org], markets] = await Promise.all([
    db
      .select({
        organization: integrators.organization,
        productName: integrators.productName,
        contactEmail: integrators.email,
        phone: integrators.phone,
        countryCode: integrators.countryCode,
        timezone: integrators.timezone,
        productionStatus: integrators.productionStatus,
        createdAt: integrators.createdAt,
      })
      .from(integrators)
      .where(inScope(integratorTenant, scope))
      .limit(1),
    db
      .select({
        environment: integratorMarkets.environment,
        country: integratorMarkets.country,
        currency: integratorMarkets.currency,
        isDefault: integratorMarkets.isDefault,
      })
      .from(integratorMarkets)
      .where(inScope(integratorMarkets, scope, { environment: false }))
      .orderBy(asc(integratorMarkets.environment), desc(integratorMarkets.isDefault), asc(integratorMarkets.currency), asc(integratorMarkets.country)),
  ]);
  if (!org) throw new NotFoundError("Organisation not found");
  const byEnvironment = Object.fromEntries(ENVIRONMENTS.map((e) => [e, [] as AccountMarket[]])) as Record<Environment, AccountMarket[]>;
  for (const m of markets) byEnvironment[m.environment].push({ country: m.country, currency: m.currency, isDefault: m.isDefault });
  return {
    organization: org.organization,
    productName: org.productName,
    contactEmail: org.contactEmail,
    phone: org.phone,
    countryCode: org.countryCode,
    timezone: org.timezone,
    productionStatus: org.productionStatus,
    markets: byEnvironment,
    environment: scope.environment,
    createdAt: org.createdAt.toISOString(),
  };
}
