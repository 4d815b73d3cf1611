import { createHash, randomBytes } from "node:crypto";
import type { Environment } from "@/lib/db/schema/enums";

/**
 * API key material. A key is `kp_test_` (sandbox) or `kp_live_` (production) and 43 characters of
 * base64url (256 random bits): stored only as its SHA-256 (a key that random needs no slow hash),
 * shown once. The environment is in the prefix so a person can tell keys apart; the server trusts
 * only the stored row. A secure key also has a 64-hex signing secret (§1.3), kept encrypted
 * because the server must compute the same HMAC.
 */
export const KEY_PREFIX: Record<Environment, string> = { sandbox: "kp_test_", production: "kp_live_" };
const KEY_PATTERN = /^kp_(test|live)_[A-Za-z0-9_-]{43}$/;

export function newApiKey(environment: Environment): string {
  return KEY_PREFIX[environment] + randomBytes(32).toString("base64url");
}

export function newSigningSecret(): string {
  return randomBytes(32).toString("hex");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What the list shows of a key: its environment prefix and the first 4 random characters. */
export function maskedPrefix(key: string): string {
  return key.slice(0, 12);
}

/** Whether a bearer token is shaped like one of our keys (anything else is refused before a query). */
export function looksLikeApiKey(token: string): boolean {
  return KEY_PATTERN.test(token);
}

/** Encryption context of a key's signing secret (a ciphertext copied to another row does not decrypt). */
export const signingSecretContext = (keyId: string) => `api-key-secret:${keyId}`;
