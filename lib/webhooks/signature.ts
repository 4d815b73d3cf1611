import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * §4.2: `signature = "sha256=" + hex(HMAC_SHA256(secret, JSON.stringify({event, data})))`, and the
 * body is that same serialisation with `signature` appended, so a receiver that re-serialises
 * `{event, data}` and one that hashes the raw body without the signature both verify.
 */
export function webhookSignature(secret: string, event: string, data: unknown): string {
  return "sha256=" + createHmac("sha256", secret).update(JSON.stringify({ event, data })).digest("hex");
}

/** The signed envelope's body and its signature (the X-Kotani-Signature header). */
export function signedEnvelope(secret: string, event: string, data: unknown): { body: string; signature: string } {
  const signature = webhookSignature(secret, event, data);
  return { body: JSON.stringify({ event, data, signature }), signature };
}

/** What a receiver does (README): parse, drop `signature`, re-serialise, compare in constant time. */
export function verifyWebhook(secret: string, rawBody: string, header: string | null): boolean {
  if (!header) return false;
  let parsed: { event?: unknown; data?: unknown };
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return false;
  }
  const expected = Buffer.from(webhookSignature(secret, String(parsed.event), parsed.data));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
