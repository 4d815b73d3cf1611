import { randomBytes } from "node:crypto";

/**
 * Lower-case Crockford base32 (no i, l, o, u: nothing to misread on a poster). 32 symbols, so
 * one random byte's low 5 bits pick one without bias.
 */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/** 10 symbols = 50 random bits: unguessable at any rate the checkout's throttle allows. */
export const SHORT_CODE_LENGTH = 10;

export function newShortCode(length = SHORT_CODE_LENGTH): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
