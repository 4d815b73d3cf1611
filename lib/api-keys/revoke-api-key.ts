import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { apiKeys } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/principal";
import type { RequestMeta } from "@/lib/auth/guard";
import { inScope } from "@/lib/db/tenant";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { getKeyDto, type ApiKeyDto } from "./api-key-dto";

/** Revoke (§2.8): the key stops working at once (the next request with it is a 401). Idempotent. */
export async function revokeApiKey(db: Db, scope: Scope, input: { keyId: string }, now: Date, meta?: Partial<RequestMeta>): Promise<ApiKeyDto> {
  const member = requireMember(scope);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedBy: member.userId })
      .where(and(inScope(apiKeys, scope), eq(apiKeys.id, input.keyId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    const dto = await getKeyDto(tx, scope, input.keyId, now);
    if (row) await writeAudit(tx, { ...auditedBy(scope, meta), action: "api_key.revoked", targetType: "api_key", targetId: row.id, metadata: { name: row.name } });
    return dto;
  });
}
