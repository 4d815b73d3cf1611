/**
 * Where to send someone after sign-in or a context switch: only a path of this app. The value is
 * resolved against a fixed origin and kept only when it stays on that origin; control characters,
 * whitespace and backslashes are refused outright (browsers strip or rewrite them, which is how
 * `/\t/evil.example` or `/\evil.example` become another host).
 */
const ORIGIN = "http://app.invalid";

export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value || value.length > 2048) return fallback;
  // C0/C1 controls, every Unicode space or separator, and backslashes: never in a path of ours.
  if (/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || url.pathname === "/login" || url.pathname.startsWith("/login/")) return fallback;
  return path;
}
