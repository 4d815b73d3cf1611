/**
 * Where to send someone after sign-in or a context switch: only a path of this app. The value is
 * resolved against a fixed origin and kept only when it stays on that origin; control characters,
 * whitespace and backslashes are refused outright (browsers strip or rewrite them, which is how
 * `/\t/evil.example` or `/\evil.example` become another host). The same checks apply to the path
 * decoded again (up to three times), so a target that some later hop decodes once more
 * (`/%09/evil.example`, `/%252F%252Fevil.example`) cannot turn into another host either. The query
 * and fragment are never a host: encoded values there (`?q=%00`) are the page's business.
 */
const ORIGIN = "http://app.invalid";
// C0/C1 controls, every Unicode space or separator, and backslashes: never in a path of ours.
const FORBIDDEN = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff\\]/;

function hostile(value: string): boolean {
  return FORBIDDEN.test(value) || !value.startsWith("/") || value.startsWith("//");
}

function decodeOnce(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value || value.length > 2048 || hostile(value)) return fallback;
  let layer = value.split(/[?#]/, 1)[0]!;
  for (let i = 0; i < 4; i++) {
    if (hostile(layer)) return fallback;
    const next = decodeOnce(layer);
    if (next === layer) break;
    layer = next;
  }
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
