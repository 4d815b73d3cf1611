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
  const seconds = now.getTime() / 1000;
  const windows = RATE_TIERS[tier].map((w) => ({ ...w, start: Math.floor(seconds / w.seconds) * w.seconds }));
  // Both windows in one statement: one round trip per request.
  const values = sql.join(
    windows.map((w) => sql`(${keyId}, ${tier}, ${w.seconds}::int, to_timestamp(${w.start}), 1)`),
    sql`, `,
  );
  const res = (await db.execute(sql`
    insert into api_rate_counters (key_id, tier, window_seconds, window_start, count)
    values ${values}
    on conflict (key_id, tier, window_seconds, window_start) do update set count = api_rate_counters.count + 1
    returning window_seconds, count`)) as unknown as { rows: { window_seconds: number; count: number }[] };
  let retryAfter: number | null = null;
  for (const row of res.rows) {
    const w = windows.find((x) => x.seconds === Number(row.window_seconds))!;
    if (Number(row.count) > w.limit) retryAfter = Math.max(retryAfter ?? 0, Math.max(1, Math.ceil(w.start + w.seconds - seconds)));
  }
  return retryAfter;
}
