/**
 * Test fixture: an API key inserted directly (no step-up, no audit), returning the key itself and
 * a secure key's signing secret. Not for the app.
 */
import type { Db } from "@/lib/db/client";
import { apiKeys, type Environment } from "@/lib/db/schema";
import { encryptSecret } from "@/lib/auth/crypto";
import { eq } from "drizzle-orm";
import { hashApiKey, maskedPrefix, newApiKey, newSigningSecret, signingSecretContext } from "./key-material";

export async function createTestApiKey(
  db: Db,
  k: { integratorId: string; environment?: Environment; ownerUserId?: string | null; permissions?: string[]; secure?: boolean; name?: string; expiresAt?: Date | null },
): Promise<{ id: string; key: string; secret: string | null }> {
  const environment = k.environment ?? "sandbox";
  const key = newApiKey(environment);
  const [row] = await db
    .insert(apiKeys)
    .values({
      integratorId: k.integratorId,
      environment,
      name: k.name ?? "Test key",
      prefix: maskedPrefix(key),
      keyHash: hashApiKey(key),
      isSecure: Boolean(k.secure),
      ownerUserId: k.ownerUserId ?? null,
      permissions: k.permissions ?? [],
      expiresAt: k.expiresAt ?? null,
    })
    .returning({ id: apiKeys.id });
  let secret: string | null = null;
  if (k.secure) {
    secret = newSigningSecret();
    await db.update(apiKeys).set({ secretEncrypted: encryptSecret(secret, signingSecretContext(row!.id)) }).where(eq(apiKeys.id, row!.id));
  }
  return { id: row!.id, key, secret };
}
