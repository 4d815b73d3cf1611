import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, newNonce, securityHeaders } from "@/lib/auth/security-headers";
import { env, servedOverHttps } from "@/lib/env";
import { CONTEXT_COOKIE, decodeContextCookie } from "@/lib/auth/context-cookie";
import { urlContextDiffers } from "@/lib/context-url";
import {
  decodeSessionToken, encodeSessionToken, SESSION_COOKIE, SESSION_COOKIE_NAMES, sessionCookieOptions, shouldRefresh,
} from "@/lib/auth/session-cookie";

/**
 * Runs before every page, route handler and server action (not static files). It does four
 * things, none of which is an authorisation decision (every page, handler and action checks the
 * session against the database itself, lib/auth/guard.ts):
 *
 * 1. Security headers with a fresh CSP nonce per request (lib/auth/security-headers.ts); the
 *    nonce also goes on the request (`x-nonce`, `content-security-policy`) for Next and the root
 *    layout.
 * 2. Optimistic redirect: no session cookie on a private page → the login page.
 * 3. Links carry their context: a page URL whose `m` / `env` (market, environment) differ from
 *    the member's selection goes through /api/context/switch, which checks and switches it (or
 *    says why not) and comes back (lib/context-url.ts).
 * 4. Sliding idle timeout: a GET with a still-valid session JWT older than a minute gets the
 *    cookie re-issued with a fresh 30-minute expiry (server-rendered navigation never reaches
 *    next-auth's own session endpoint). Never past the 12-hour absolute limit, never on
 *    /api/auth (next-auth sets its own cookies there) and never on a server action POST (the
 *    action may be re-issuing the cookie itself).
 */
/** A payment link's hosted checkout: public, and never given (or refreshed) a session cookie. */
const CHECKOUT_PREFIX = "/l";
const CHECKOUT_LOGO = /^\/l\/[^/]+\/logo$/;
/** The public API (bearer keys, never cookies) and its health check. */
const PUBLIC_API_PREFIXES = ["/api/v3", "/health"];
const PUBLIC_PREFIXES = ["/login", "/forgot-password", "/reset-password", "/invite", "/api", "/_next", "/favicon", "/health", CHECKOUT_PREFIX];

function isHttps(req: NextRequest): boolean {
  return (
    req.nextUrl.protocol === "https:" ||
    req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ||
    servedOverHttps()
  );
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const https = isHttps(req);
  const nonce = newNonce();
  const csp = buildCsp({ nonce, https, dev: env().NODE_ENV === "development" });
  const hasSession = SESSION_COOKIE_NAMES.some((name) => req.cookies.has(name));
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));

  const isPage = !isPublic && (req.method === "GET" || req.method === "HEAD");
  const token = hasSession && (req.method === "GET" || req.method === "HEAD") ? await decodeSessionToken(req.cookies.get(SESSION_COOKIE)?.value) : null;

  let res: NextResponse;
  if (!isPublic && !hasSession) {
    const login = new URL("/login", req.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    res = NextResponse.redirect(login);
  } else if (isPage && token && urlContextDiffers(req.nextUrl.searchParams, selectionOf(req, token.uid))) {
    const to = new URL("/api/context/switch", req.url);
    to.searchParams.set("to", `${pathname}${search}`);
    res = NextResponse.redirect(to);
  } else {
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    res = NextResponse.next({ request: { headers: requestHeaders } });
    const noCookies =
      pathname.startsWith("/api/auth") ||
      pathname.startsWith(`${CHECKOUT_PREFIX}/`) ||
      PUBLIC_API_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
    if (token && !noCookies && shouldRefresh(token)) {
      res.cookies.set(SESSION_COOKIE, await encodeSessionToken(token), sessionCookieOptions());
    }
  }
  for (const [name, value] of Object.entries(securityHeaders({ csp, https }))) res.headers.set(name, value);
  if (CHECKOUT_LOGO.test(pathname)) {
    // A checkout's logo (public, checked PNG/JPEG bytes): cacheable, and a policy that runs nothing.
    res.headers.set("content-security-policy", "default-src 'none'");
    res.headers.set("cache-control", "public, max-age=300");
  }
  return res;
}

/** The member's current selection from the context cookie (a cookie of another user: none). */
function selectionOf(req: NextRequest, uid: unknown) {
  const sel = typeof uid === "string" ? decodeContextCookie(req.cookies.get(CONTEXT_COOKIE)?.value, uid) : null;
  return sel?.market ? { environment: sel.environment, market: sel.market } : null;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"] };
