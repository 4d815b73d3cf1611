import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

/**
 * §1.5 rate limits per key and endpoint tier, counted in the database (fixed windows: every app
 * instance shares them, and a restart forgets nothing). Each tier has a sustained and a burst
 * window; a request counts in both and is refused when either is full.
 */
export const RATE_TIERS = {
  read: [
    { seconds: 5, limit: 100 },
    { seconds: 1, limit: 20 },
  ],
  money: [
    { seconds: 60, limit: 60 },
    { seconds: 5, limit: 20 },
  ],
  keys: [
    { seconds: 60, limit: 10 },
    { seconds: 10, limit: 3 },
  ],
} as const satisfies Record<string, readonly { seconds: number; limit: number }[]>;
export type RateTier = keyof typeof RATE_TIERS;

/**
 * Counts one request of `keyId` in `tier`; returns null when allowed, else the seconds until the
 * fullest window resets (what a 429's `data.retryAfter` says).
 */
export async function takeRateToken(db: Db, keyId: string, tier: RateTier, now: Date): Promise<number | null> {
  let retryAfter: number | null = null;
  for (const w of RATE_TIERS[tier]) {
    const start = Math.floor(now.getTime() / 1000 / w.seconds) * w.seconds;
    const res = (await db.execute(sql`
      insert into api_rate_counters (key_id, tier, window_seconds, window_start, count)
      values (${keyId}, ${tier}, ${w.seconds}, to_timestamp(${start}), 1)
      on conflict (key_id, tier, window_seconds, window_start) do update set count = api_rate_counters.count + 1
      returning count`)) as unknown as { rows: { count: number }[] };
    const count = Number(res.rows[0]?.count ?? 0);
    if (count > w.limit) retryAfter = Math.max(retryAfter ?? 0, Math.max(1, Math.ceil(start + w.seconds - now.getTime() / 1000)));
  }
  return retryAfter;
}
