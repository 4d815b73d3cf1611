/**
 * Response security headers (target S8, A5 3.4.x / 14.3.2), set by proxy.ts on every response
 * it handles (pages, route handlers, server actions, redirects).
 *
 * CSP: scripts only with this request's nonce ('strict-dynamic' lets Next's nonced loader pull
 * its chunks); Next reads the nonce from the request's CSP header and puts it on its own
 * scripts; next-themes gets it from the root layout. `style-src 'unsafe-inline'` is a conscious
 * trade-off: Radix (popper positioning) and Recharts set inline `style` attributes, which a
 * nonce cannot allow (a nonce in style-src would also disable 'unsafe-inline'). Inline styles
 * can't run code; scripts stay strict.
 */
export interface HeaderOptions {
  nonce: string;
  https: boolean;
  dev?: boolean;
}

export function buildCsp({ nonce, https, dev = false }: HeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["frame-src", "'none'"],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const HSTS = "max-age=63072000; includeSubDomains";

/** The headers every response gets (the CSP is passed in: the request needs the same value). */
export function securityHeaders(opts: { csp: string; https: boolean }): Record<string, string> {
  return {
    "content-security-policy": opts.csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    // Every response the proxy handles is dynamic and may carry account data (A5 14.3.2).
    "cache-control": "no-store, max-age=0",
    ...(opts.https ? { "strict-transport-security": HSTS } : {}),
  };
}
