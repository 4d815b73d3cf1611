import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

/**
 * Keys derived from NEXTAUTH_SECRET with HKDF-SHA256, one per purpose, so no key is used for two
 * things and rotating the secret rotates them all.
 */
type KeyPurpose = "totp-secret-encryption" | "otp-code-hmac" | "recovery-code-hmac";

const keys = new Map<string, Buffer>();
function key(purpose: KeyPurpose): Buffer {
  const secret = authSecret();
  const cacheKey = `${purpose}\0${secret}`;
  let k = keys.get(cacheKey);
  if (!k) {
    k = Buffer.from(hkdfSync("sha256", secret, "kotani-backoffice/v1", purpose, 32));
    keys.set(cacheKey, k);
  }
  return k;
}

/**
 * AES-256-GCM (A5 11.3.2/11.3.3): `v1.<iv>.<ciphertext>.<tag>` in base64url. `context` (e.g. the
 * user id) is authenticated data: a ciphertext copied to another row does not decrypt.
 */
export function encryptSecret(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key("totp-secret-encryption"), iv);
  cipher.setAAD(Buffer.from(context));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, ct, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** Null when the blob is malformed, was encrypted for another context, or under another secret. */
export function decryptSecret(blob: string, context: string): string | null {
  const [version, iv, ct, tag] = blob.split(".");
  if (version !== "v1" || !iv || !ct || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key("totp-secret-encryption"), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * HMAC-SHA256 with a server key for short one-time codes (6-digit OTP, recovery codes). A
 * database dump alone can't brute-force them: the key is not in the database. `binding` ties a
 * code to its row / user (A5 6.6.2).
 */
export function hashCode(purpose: "otp" | "recovery", binding: string, code: string): string {
  return createHmac("sha256", key(purpose === "otp" ? "otp-code-hmac" : "recovery-code-hmac"))
    .update(`${binding}\0${code}`)
    .digest("hex");
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
