import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/auth/errors";
import { paymentLinkViews as v, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { SUCCESS_STATUS } from "@/lib/engine/statuses";
import { LINK_ANALYTICS_DAYS, LINK_ANALYTICS_MAX_DAYS, type LinkAnalytics, type LinkAnalyticsDay } from "./link-payments-contract";
import { findScopedLink } from "./list-link-payments";

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of a moment's UTC day. */
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** The last `days` UTC days ending with `now`'s, oldest first. */
export function lastUtcDays(days: number, now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => utcDay(new Date(today - (days - 1 - i) * DAY_MS)));
}

/**
 * A payment link's analytics: since it was created, its checkout's page views
 * (payment_link_views), the payments started on it (its collections), the successful ones, the
 * conversion (successful / views) and what they brought; and the same per UTC day for the last
 * `days` days, every day present. One grouped query per source, each bucketing its rows into the
 * window's days and one "before the window" bucket (so the totals come from the same rows).
 * Another integrator's or market's link is NotFoundError.
 */
export async function getLinkAnalytics(
  db: Db,
  scope: Scope,
  linkId: string,
  opts: { days?: number; now?: Date } = {},
): Promise<LinkAnalytics> {
  const days = opts.days ?? LINK_ANALYTICS_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > LINK_ANALYTICS_MAX_DAYS) {
    throw new ValidationError(`Days must be between 1 and ${LINK_ANALYTICS_MAX_DAYS}`, { days: ["Out of range"] });
  }
  const now = opts.now ?? new Date();
  const link = await findScopedLink(db, scope, linkId);
  const window = lastUtcDays(days, now);
  const start = window[0];

  // Buckets: the day inside the window, or null for anything older (ordinal GROUP BY: the
  // expression holds a bound parameter, which PostgreSQL would not match between SELECT and GROUP BY).
  const [viewRows, paymentRows] = await Promise.all([
    db
      .select({
        day: sql<string | null>`case when ${v.day} >= ${start}::date then to_char(${v.day}, 'YYYY-MM-DD') end`,
        views: sql<string>`coalesce(sum(${v.views}), 0)::text`,
      })
      .from(v)
      .where(eq(v.linkId, link.id))
      .groupBy(sql`1`),
    db
      .select({
        day: sql<string | null>`case when ${t.createdAt} >= ${`${start}T00:00:00Z`}::timestamptz then to_char(${t.createdAt} at time zone 'UTC', 'YYYY-MM-DD') end`,
        attempts: sql<number>`count(*)::int`,
        successful: sql<number>`(count(*) filter (where ${t.status} = ${SUCCESS_STATUS}))::int`,
        collected: sql<string>`coalesce(sum(${t.amount}) filter (where ${t.status} = ${SUCCESS_STATUS}), 0)::text`,
      })
      .from(t)
      .where(and(eq(t.paymentLinkId, link.id), inScope(t, scope), eq(t.kind, "collection")))
      .groupBy(sql`1`),
  ]);

  const daily = new Map<string, LinkAnalyticsDay>(
    window.map((day) => [day, { day, views: 0, attempts: 0, successful: 0, collected: "0" }]),
  );
  let views = 0;
  let attempts = 0;
  let successful = 0;
  let collected = 0n;
  for (const r of viewRows) {
    const n = Number(r.views);
    views += n;
    const d = r.day ? daily.get(r.day) : undefined;
    if (d) d.views = n;
  }
  for (const r of paymentRows) {
    attempts += Number(r.attempts);
    successful += Number(r.successful);
    collected += BigInt(r.collected);
    const d = r.day ? daily.get(r.day) : undefined;
    if (d) {
      d.attempts = Number(r.attempts);
      d.successful = Number(r.successful);
      d.collected = BigInt(r.collected).toString();
    }
  }

  return {
    totals: {
      views,
      attempts,
      successful,
      // Views are counted by the checkout page; a payment can outrun them (a replayed form): at most 100 %.
      conversionRate: views > 0 ? Math.min(1, successful / views) : 0,
      totalCollected: collected.toString(),
      currency: link.currency,
    },
    days,
    daily: [...daily.values()],
  };
}
