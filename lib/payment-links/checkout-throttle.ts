import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { RateLimitError } from "@/lib/auth/errors";
import { checkoutAttempts } from "@/lib/db/schema";

/**
 * The public checkout's throttle, counted in the database (checkout_attempts) so it holds across
 * app instances: per client IP over all links, and per link over all IPs (a flood from many
 * addresses). Every Pay counts, refused or not. Figures live here.
 */
export const CHECKOUT_THROTTLE = {
  ipWindowMs: 15 * 60_000,
  perIp: 10,
  linkWindowMs: 60_000,
  perLink: 600,
  /** Rows older than this are deleted by the daily clean-up job. */
  keepMs: 24 * 3600_000,
} as const;

export const TOO_MANY_PAYMENTS = "Too many payment attempts. Please wait a few minutes and try again.";

/** Record this Pay and refuse it (429) when the IP or the link is over its limit. */
export async function throttleCheckout(db: Db, linkId: string, ip: string, now = new Date()): Promise<void> {
  const at = (ms: number) => new Date(now.getTime() - ms);
  const count = async (where: ReturnType<typeof and>) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(checkoutAttempts).where(where))[0]?.n ?? 0);
  const clientIp = ip.slice(0, 64);
  const [byIp, byLink] = await Promise.all([
    count(and(eq(checkoutAttempts.ip, clientIp), gt(checkoutAttempts.createdAt, at(CHECKOUT_THROTTLE.ipWindowMs)))),
    count(and(eq(checkoutAttempts.linkId, linkId), gt(checkoutAttempts.createdAt, at(CHECKOUT_THROTTLE.linkWindowMs)))),
  ]);
  await db.insert(checkoutAttempts).values({ linkId, ip: clientIp, createdAt: now });
  if (byIp >= CHECKOUT_THROTTLE.perIp) throw new RateLimitError(TOO_MANY_PAYMENTS, CHECKOUT_THROTTLE.ipWindowMs / 1000);
  if (byLink >= CHECKOUT_THROTTLE.perLink) throw new RateLimitError(TOO_MANY_PAYMENTS, CHECKOUT_THROTTLE.linkWindowMs / 1000);
}
