import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { requireStepUp } from "@/lib/auth/step-up";
import { inScope } from "@/lib/db/tenant";
import { getKeyDto, keyStatus, type ApiKeyDto } from "./api-key-dto";
import { grantable, insertKey, type GeneratedKey } from "./generate-api-key";
import { ROLL_GRACE_MAX_DAYS, type rollKeySchema } from "./schemas";

/**
 * Roll: a new key with the same name, owner, kind and permissions; the old one keeps working until
 * the chosen time (at most 7 days away), so a deployment can switch without downtime.
 */
export async function rollApiKey(
  db: Db,
  scope: Scope,
  input: z.output<typeof rollKeySchema>,
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<GeneratedKey & { old: ApiKeyDto }> {
  const member = requireMember(scope);
  const latest = new Date(now.getTime() + ROLL_GRACE_MAX_DAYS * 24 * 3600 * 1000);
  if (input.oldKeyExpiresAt < now || input.oldKeyExpiresAt > latest) {
    const msg = `Choose a time between now and ${ROLL_GRACE_MAX_DAYS} days from now`;
    throw new ValidationError(msg, { oldKeyExpiresAt: [msg] });
  }
  await requireStepUp(db, scope, input, now, meta);
  return db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(apiKeys)
      .where(and(inScope(apiKeys, scope), eq(apiKeys.id, input.keyId)))
      .for("update")
      .limit(1);
    if (!old) throw new NotFoundError("API key not found");
    const status = keyStatus(old, now);
    if (status === "revoked" || status === "expired") throw new ConflictError(`This key is ${status}: generate a new one instead.`);
    const permissions = old.ownerUserId ? await grantable(tx, scope, old.ownerUserId, old.permissions) : [];
    const expiresAt = old.expiresAt && old.expiresAt < input.oldKeyExpiresAt ? old.expiresAt : input.oldKeyExpiresAt;
    await tx.update(apiKeys).set({ expiresAt }).where(eq(apiKeys.id, old.id));
    const fresh = await insertKey(
      tx,
      scope,
      { name: old.name, secure: old.isSecure, ownerUserId: old.ownerUserId, permissions, expiresAt: null, rolledFrom: old.id, createdBy: member.userId },
      now,
      meta,
    );
    return { ...fresh, old: await getKeyDto(tx, scope, old.id, now) };
  });
}
