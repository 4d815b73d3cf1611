import type { Environment } from "@/lib/db/schema";
import { servedOverHttps } from "@/lib/env";
import { marketKey, parseMarketKey, type Market } from "@/lib/markets";

/** The market + environment selection, kept per user in one cookie: `userId.environment.KE-KES`. */
export const CONTEXT_COOKIE = "kotani.context";

export interface ContextSelection {
  environment: Environment;
  market: Market | null;
}

export function encodeContextCookie(userId: string, sel: { environment: Environment; market: Market }): string {
  return `${userId}.${sel.environment}.${marketKey(sel.market)}`;
}

/** A cookie of another user, or malformed, counts as no selection. */
export function decodeContextCookie(value: string | undefined, userId: string): ContextSelection | null {
  if (!value) return null;
  const [owner, environment, market] = value.split(".");
  if (owner !== userId) return null;
  if (environment !== "sandbox" && environment !== "production") return null;
  return { environment, market: parseMarketKey(market) };
}

/** Kept a year; HttpOnly (only the server reads it), Secure over https. */
export function contextCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: servedOverHttps(), path: "/", maxAge: 60 * 60 * 24 * 365 };
}
