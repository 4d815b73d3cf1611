import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic redirect only: no session cookie → the login page. This is never the real
 * check (every page, route handler and action resolves the scope itself); it only saves an
 * anonymous visitor a render.
 */
const SESSION_COOKIES = ["kotani.session", "__Secure-kotani.session"];
const PUBLIC_PREFIXES = ["/login", "/forgot-password", "/reset-password", "/invite", "/api", "/_next", "/favicon"];

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)"] };
