/**
 * Fixtures for the account-security integration tests: an organisation (built-in roles, a
 * sandbox KE/KES market) and members with a password, as the seed would make them.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { integratorMarkets, integrators, users } from "@/lib/db/schema";
import { addTestMember, createTestOrg, type TestMember, type TestOrg } from "@/lib/team/testing";
import { hashPassword } from "./password";

export const TEST_PASSWORD = "Correct-Horse-Battery-42";
let hashed: Promise<string> | undefined;
export const testPasswordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

export async function createSecurityOrg(db: Db, opts: { production?: boolean; name?: string } = {}): Promise<TestOrg> {
  const org = await createTestOrg(db, opts.name);
  await db.insert(integratorMarkets).values([
    { integratorId: org.integratorId, environment: "sandbox", country: "KE", currency: "KES", isDefault: true },
    ...(opts.production ? [{ integratorId: org.integratorId, environment: "production" as const, country: "KE", currency: "KES", isDefault: true }] : []),
  ]);
  if (opts.production) await db.update(integrators).set({ productionStatus: "active" }).where(eq(integrators.id, org.integratorId));
  return org;
}

export async function addMember(
  db: Db,
  org: TestOrg,
  opts: { role?: string; email?: string; password?: boolean; preferredEnvironment?: "sandbox" | "production" | null } = {},
): Promise<TestMember> {
  const member = await addTestMember(db, org, {
    role: opts.role ?? "Owner",
    email: opts.email,
    passwordHash: opts.password === false ? null : await testPasswordHash(),
  });
  if (opts.preferredEnvironment !== undefined) {
    await db.update(users).set({ preferredEnvironment: opts.preferredEnvironment }).where(eq(users.id, member.userId));
  }
  return member;
}

export const minutes = (n: number) => n * 60_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
