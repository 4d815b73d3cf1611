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

/**
 * Tokens already decrypted, by cookie value. proxy.ts and the gate both read the cookie on every
 * request, and a cookie value lives up to a minute (then it is re-issued): the JWE work (an HKDF
 * key derivation and AES-GCM, ~0.3–0.7 ms) runs once per value instead of twice per request.
 * The key is the whole authenticated ciphertext, so a hit is the very token decode() accepted;
 * its expiry is checked again on every hit. On globalThis: proxy.ts and the app are separate
 * module graphs in one process.
 */
const decoded: Map<string, JWT> = ((globalThis as { __kotaniDecodedSessions?: Map<string, JWT> }).__kotaniDecodedSessions ??= new Map());
const MAX_DECODED = 1_000;

export async function decodeSessionToken(raw: string | undefined | null): Promise<JWT | null> {
  if (!raw) return null;
  const hit = decoded.get(raw);
  if (hit) {
    if (typeof hit.exp === "number" && hit.exp * 1000 > Date.now()) return { ...hit };
    decoded.delete(raw);
    return null;
  }
  try {
    const token = await decode({ token: raw, secret: authSecret() });
    if (token && typeof token.exp === "number") {
      // Oldest first out (a Map iterates in insertion order).
      if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
      decoded.set(raw, token);
    }
    return token ? { ...token } : null;
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
