import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { verifyPassword } from "./password";
import { writeAudit } from "@/lib/audit/write-audit";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/**
 * Checks email + password. Always the same answer (null) for unknown email, wrong password,
 * no password set yet, or no active membership, and always one password verification,
 * so neither the message nor the timing tells which.
 */
export async function authenticatePassword(
  db: Db,
  input: unknown,
  meta: { ip: string; userAgent?: string },
): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      integratorId: memberships.integratorId,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.status, "active")))
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);

  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || !user.integratorId) {
    await writeAudit(db, {
      integratorId: user?.integratorId ?? null,
      actorUserId: user?.id ?? null,
      actorEmail: email,
      action: "auth.sign_in",
      outcome: "failure",
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return null;
  }
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await writeAudit(db, {
    integratorId: user.integratorId,
    actorUserId: user.id,
    actorEmail: user.email,
    action: "auth.sign_in",
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
