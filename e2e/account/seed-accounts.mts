#!/usr/bin/env -S npx tsx
/**
 * Accounts for the account-security end-to-end specs (e2e/account), in their own organisation
 * "Kotani Security QA" so the demo team the other specs use is untouched. Run by
 * scripts/e2e-server.mjs after the demo seed, against the e2e database (DATA_DIR / DATABASE_URL).
 * Idempotent.
 */
import { eq } from "drizzle-orm";
import { hash } from "@node-rs/argon2";
import { openDb, targetFromEnv } from "../../lib/db/client";
import { integratorMarkets, integrators, memberships, roles, users } from "../../lib/db/schema";
import { BUILTIN_ROLES } from "../../lib/auth/permissions";
import { QA_ACCOUNTS, QA_ORG, QA_PASSWORD } from "./accounts";

const opened = await openDb(targetFromEnv());
try {
  const db = opened.db;
  const [existing] = await db.select({ id: integrators.id }).from(integrators).where(eq(integrators.organization, QA_ORG)).limit(1);
  if (existing) {
    console.log(`[e2e] ${QA_ORG} already seeded`);
  } else {
    const passwordHash = await hash(QA_PASSWORD, { algorithm: 2, timeCost: 2, memoryCost: 19456, parallelism: 1 });
    await db.transaction(async (tx) => {
      const [org] = await tx
        .insert(integrators)
        .values({ organization: QA_ORG, email: "ops@security.test", countryCode: "KE", timezone: "Africa/Nairobi", productionStatus: "not_started" })
        .returning({ id: integrators.id });
      const roleIds: Record<string, string> = {};
      for (const [name, def] of Object.entries(BUILTIN_ROLES)) {
        const [r] = await tx
          .insert(roles)
          .values({ integratorId: org!.id, name, description: def.description, permissions: [...def.permissions], isBuiltin: true })
          .returning({ id: roles.id });
        roleIds[name] = r!.id;
      }
      await tx.insert(integratorMarkets).values({ integratorId: org!.id, environment: "sandbox", country: "KE", currency: "KES", isDefault: true });
      for (const a of Object.values(QA_ACCOUNTS)) {
        const [u] = await tx
          .insert(users)
          .values({
            email: a.email,
            name: a.name,
            passwordHash: a.password ? passwordHash : null,
            preferredEnvironment: a.firstSignIn ? null : "sandbox",
          })
          .returning({ id: users.id });
        await tx.insert(memberships).values({ integratorId: org!.id, userId: u!.id, roleId: roleIds[a.role]!, status: "active" });
      }
    });
    console.log(`[e2e] seeded ${QA_ORG} with ${Object.keys(QA_ACCOUNTS).length} accounts`);
  }
} finally {
  await opened.close();
}
