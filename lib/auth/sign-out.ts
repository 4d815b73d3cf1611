import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";

/**
 * Sign-out (next-auth's signOut event): every copy of the session cookie dies, because the
 * session version moves on; an audit row records it. Idempotent in effect: an unknown user is a no-op.
 */
export async function signOutEverywhere(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email });
    if (!user) return;
    const [member] = await tx.select({ integratorId: memberships.integratorId }).from(memberships).where(eq(memberships.userId, user.id)).limit(1);
    await writeAudit(tx, {
      integratorId: member?.integratorId ?? null,
      actorUserId: user.id,
      actorEmail: user.email,
      action: "auth.sign_out",
      targetType: "user",
      targetId: user.id,
    });
  });
}
