/**
 * The checkout logo: PNG or JPEG, recognised by its bytes (never by the name or the declared type;
 * SVG can carry script and is never accepted), at most 512 kB. Pure.
 */
import { LOGO_MAX_BYTES } from "./schemas";

export type LogoType = "image/png" | "image/jpeg";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

export type LogoCheck = { ok: true; type: LogoType; base64: string } | { ok: false; error: string };

/** Decode the form's base64 and check it. */
export function checkLogo(base64: string): LogoCheck {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0) return { ok: false, error: "The logo file is empty" };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, error: "The logo must be at most 512 kB" };
  if (startsWith(bytes, PNG)) return { ok: true, type: "image/png", base64: bytes.toString("base64") };
  if (startsWith(bytes, JPEG)) return { ok: true, type: "image/jpeg", base64: bytes.toString("base64") };
  return { ok: false, error: "The logo must be a PNG or JPEG image" };
}
