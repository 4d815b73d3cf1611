import { decode, encode, type JWT } from "next-auth/jwt";
import { authSecret } from "./secret";
import { servedOverHttps } from "@/lib/env";

/**
 * The session cookie and its JWT, without any database import (proxy.ts uses this module).
 *
 * - Secure, `__Secure-` prefixed when served over https (NEXTAUTH_URL), HttpOnly, SameSite=Lax.
 * - Idle timeout: the JWT and the cookie last IDLE_SESSION_SECONDS and are re-issued on use
 *   (sliding); absolute timeout: `authTime` (set at sign-in) + ABSOLUTE_SESSION_SECONDS, checked
 *   on every request by lib/auth/scope.ts and never extended.
 */
export const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60;
export const IDLE_SESSION_SECONDS = 30 * 60;
/** Re-issue a session cookie at most once a minute. */
export const REFRESH_AFTER_SECONDS = 60;

export const SECURE_COOKIES = servedOverHttps();
export const SESSION_COOKIE = SECURE_COOKIES ? "__Secure-kotani.session" : "kotani.session";
export const SESSION_COOKIE_NAMES = ["kotani.session", "__Secure-kotani.session"] as const;

export const sessionCookieOptions = (now = Date.now()) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: SECURE_COOKIES,
  expires: new Date(now + IDLE_SESSION_SECONDS * 1000),
});

export async function decodeSessionToken(raw: string | undefined | null): Promise<JWT | null> {
  if (!raw) return null;
  try {
    return await decode({ token: raw, secret: authSecret() });
  } catch {
    return null;
  }
}

/** A fresh JWT with the same claims (minus iat/exp/jti, set anew) and `changes` applied. */
export async function encodeSessionToken(token: JWT, changes: Partial<JWT> = {}): Promise<string> {
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token as JWT & { iat?: number; exp?: number; jti?: string };
  return encode({ token: { ...claims, ...changes }, secret: authSecret(), maxAge: IDLE_SESSION_SECONDS });
}

/**
 * Whether a decoded token should be re-issued now: still inside the absolute timeout, and
 * issued more than a minute ago. (Revoked tokens get refreshed too; that grants nothing: the
 * session version is checked against the database on every request.)
 */
export function shouldRefresh(token: JWT, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const authTime = typeof token.authTime === "number" ? token.authTime : 0;
  const iat = typeof token.iat === "number" ? token.iat : 0;
  return nowSeconds - authTime < ABSOLUTE_SESSION_SECONDS && nowSeconds - iat >= REFRESH_AFTER_SECONDS;
}
