import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { apiKeyNonces } from "@/lib/db/schema";
import { decryptSecret } from "@/lib/auth/crypto";
import { UnauthorizedError } from "@/lib/auth/errors";
import { signingSecretContext } from "./key-material";

/** §1.3: a secure key's request must be signed within ±5 minutes, each nonce once. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** What is signed: `{timestamp}.{nonce}.{compact JSON body}` for writes, `{timestamp}.{nonce}.{last path segment}` for reads. */
export function signingPayload(method: string, timestamp: string, nonce: string, pathname: string, body: unknown): string {
  const tail = method === "GET" || method === "HEAD" || method === "DELETE" ? (pathname.split("/").filter(Boolean).pop() ?? "") : JSON.stringify(body ?? {});
  return `${timestamp}.${nonce}.${tail}`;
}

export function signRequest(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

/**
 * Verifies a secure key's request (x-timestamp, x-nonce, x-signature) and spends its nonce. Every
 * failure is a 401 with a message that says which header is wrong, never why a signature failed.
 */
export async function verifySignedRequest(
  db: Db,
  key: { keyId: string; secretEncrypted: string | null },
  req: { method: string; pathname: string; headers: Headers; body: unknown },
  now: Date,
): Promise<void> {
  const timestamp = req.headers.get("x-timestamp")?.trim() ?? "";
  const nonce = req.headers.get("x-nonce")?.trim() ?? "";
  const signature = req.headers.get("x-signature")?.trim().toLowerCase() ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || !nonce || !signature) {
    throw new UnauthorizedError("This key requires signed requests: send x-timestamp, x-nonce and x-signature");
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    throw new UnauthorizedError("Request timestamp is outside the allowed window of 5 minutes");
  }
  if (!UUID_V4.test(nonce)) throw new UnauthorizedError("x-nonce must be a UUID v4");
  const secret = key.secretEncrypted ? decryptSecret(key.secretEncrypted, signingSecretContext(key.keyId)) : null;
  if (!secret || !/^[0-9a-f]{64}$/.test(signature)) throw new UnauthorizedError("Invalid request signature");
  const expected = signRequest(secret, signingPayload(req.method, timestamp, nonce, req.pathname, req.body));
  if (!timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(signature, "hex"))) throw new UnauthorizedError("Invalid request signature");
  const spent = await db.insert(apiKeyNonces).values({ keyId: key.keyId, nonce: nonce.toLowerCase(), createdAt: now }).onConflictDoNothing().returning({ nonce: apiKeyNonces.nonce });
  if (spent.length === 0) throw new UnauthorizedError("This nonce was already used");
}
