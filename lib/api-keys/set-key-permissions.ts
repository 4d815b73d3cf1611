import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { inScope } from "@/lib/db/tenant";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { getKeyDto, type ApiKeyDto } from "./api-key-dto";
import { grantable } from "./generate-api-key";

/** A user-bound key's permissions (§1.3: "may deposit but not withdraw"), within its user's role and the editor's. */
export async function setKeyPermissions(
  db: Db,
  scope: Scope,
  input: { keyId: string; permissions: string[] },
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<ApiKeyDto> {
  return db.transaction(async (tx) => {
    const [key] = await tx
      .select({ id: apiKeys.id, ownerUserId: apiKeys.ownerUserId, permissions: apiKeys.permissions, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(and(inScope(apiKeys, scope), eq(apiKeys.id, input.keyId)))
      .for("update")
      .limit(1);
    if (!key) throw new NotFoundError("API key not found");
    if (!key.ownerUserId) throw new ConflictError("An integrator-level key has every permission; bind a key to a user to choose.");
    if (key.revokedAt) throw new ConflictError("This key is revoked.");
    const permissions = await grantable(tx, scope, key.ownerUserId, input.permissions);
    await tx.update(apiKeys).set({ permissions }).where(eq(apiKeys.id, key.id));
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "api_key.permissions_changed",
      targetType: "api_key",
      targetId: key.id,
      metadata: { from: key.permissions, to: permissions },
    });
    return getKeyDto(tx, scope, key.id, now);
  });
}
