import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/auth/errors";
import { encryptSecret } from "@/lib/auth/crypto";
import { requireStepUp } from "@/lib/auth/step-up";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/ledger/ledger";
import { hashApiKey, maskedPrefix, newApiKey, newSigningSecret, signingSecretContext } from "./key-material";
import { getKeyDto, memberKeyPermissions, type ApiKeyDto } from "./api-key-dto";
import type { generateKeySchema } from "./schemas";

export interface GeneratedKey {
  key: ApiKeyDto;
  /** The key itself: shown once, never stored. */
  secretKey: string;
  /** A secure key's request-signing secret: shown once. */
  signingSecret: string | null;
}

/**
 * + Generate Key (§1.3, §2.8): an integrator-level key (wildcard) or a key bound to a member, which
 * starts with the permissions chosen here (none by default) within that member's role and the
 * generating member's own. Asks for the password again (step-up). Audited.
 */
export async function generateApiKey(
  db: Db,
  scope: Scope,
  input: z.output<typeof generateKeySchema>,
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<GeneratedKey> {
  const member = requireMember(scope);
  if (input.expiresAt && input.expiresAt <= now) throw new ValidationError("Choose an expiry in the future", { expiresAt: ["Choose an expiry in the future"] });
  await requireStepUp(db, scope, input, now, meta);
  return db.transaction(async (tx) => {
    let permissions: string[] = [];
    let ownerUserId: string | null = null;
    if (input.owner === "user") {
      ownerUserId = input.userId ?? member.userId;
      permissions = await grantable(tx, scope, ownerUserId, input.permissions);
    }
    return insertKey(tx, scope, {
      name: input.name,
      secure: input.secure,
      ownerUserId,
      permissions,
      expiresAt: input.expiresAt ?? null,
      rolledFrom: null,
      createdBy: member.userId,
    }, now, meta);
  });
}

/** The permissions a user-bound key may get: within its user's role and the granting member's. */
export async function grantable(tx: Tx | Db, scope: Scope, ownerUserId: string, wanted: readonly string[]): Promise<string[]> {
  const owner = await memberKeyPermissions(tx, scope.integratorId, ownerUserId);
  if (!owner) throw new ValidationError("Choose an active member of your team", { userId: ["Choose an active member of your team"] });
  const beyond = wanted.filter((p) => !owner.permissions.includes(p) || !scope.permissions.has(p as never));
  if (beyond.length) {
    const msg = `A key of ${owner.email} cannot have ${beyond.join(", ")}: neither it nor you may go beyond ${owner.email}'s role and your own.`;
    throw new ValidationError(msg, { permissions: [msg] });
  }
  return [...wanted];
}

export async function insertKey(
  tx: Tx,
  scope: Scope,
  k: { name: string; secure: boolean; ownerUserId: string | null; permissions: string[]; expiresAt: Date | null; rolledFrom: string | null; createdBy: string },
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<GeneratedKey> {
  const secretKey = newApiKey(scope.environment);
  const signingSecret = k.secure ? newSigningSecret() : null;
  const [row] = await tx
    .insert(apiKeys)
    .values({
      integratorId: scope.integratorId,
      environment: scope.environment,
      name: k.name,
      prefix: maskedPrefix(secretKey),
      keyHash: hashApiKey(secretKey),
      isSecure: k.secure,
      ownerUserId: k.ownerUserId,
      permissions: k.permissions,
      expiresAt: k.expiresAt,
      rolledFrom: k.rolledFrom,
      createdBy: k.createdBy,
      createdAt: now,
    })
    .returning({ id: apiKeys.id });
  if (signingSecret) {
    await tx.update(apiKeys).set({ secretEncrypted: encryptSecret(signingSecret, signingSecretContext(row!.id)) }).where(eq(apiKeys.id, row!.id));
  }
  await writeAudit(tx, {
    ...auditedBy(scope, meta),
    action: k.rolledFrom ? "api_key.rolled" : "api_key.created",
    targetType: "api_key",
    targetId: row!.id,
    metadata: { name: k.name, secure: k.secure, owner: k.ownerUserId ?? "integrator", permissions: k.ownerUserId ? k.permissions : "*", ...(k.rolledFrom ? { rolledFrom: k.rolledFrom } : {}) },
  });
  return { key: await getKeyDto(tx, scope, row!.id, now), secretKey, signingSecret };
}
