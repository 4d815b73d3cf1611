import "server-only";
import { and, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { transactionDailyStats as d } from "@/lib/db/schema";
import type { TransactionKind } from "@/lib/db/schema/enums";
import type { Scope } from "@/lib/auth/scope";
import { DAY_MS, floorUtcDay, utcDayString } from "./dates";
import { statusGroup } from "./kinds";

export interface DailyPoint {
  day: string;
  collectionsSuccessful: number;
  collectionsFailed: number;
  payoutsSuccessful: number;
  payoutsFailed: number;
  collectionsAmount: bigint;
  payoutsAmount: bigint;
}

/**
 * The home chart: per UTC day of the last `days` days (today included), successful and failed
 * collections and payouts of the selected market, with the successful volume. Read from
 * transaction_daily_stats (at most days × kinds × statuses rows).
 */
export async function dailyChart(db: Db, scope: Scope, days = 30, now = new Date()): Promise<{ currency: string; days: DailyPoint[] }> {
  const kinds: TransactionKind[] = [];
  if (scope.permissions.has("collections.read")) kinds.push("collection");
  if (scope.permissions.has("payouts.read")) kinds.push("payout");
  const today = floorUtcDay(now);
  const first = new Date(today.getTime() - (days - 1) * DAY_MS);
  const points = new Map<string, DailyPoint>();
  for (let i = 0; i < days; i++) {
    const day = utcDayString(new Date(first.getTime() + i * DAY_MS));
    points.set(day, {
      day,
      collectionsSuccessful: 0,
      collectionsFailed: 0,
      payoutsSuccessful: 0,
      payoutsFailed: 0,
      collectionsAmount: 0n,
      payoutsAmount: 0n,
    });
  }
  if (kinds.length) {
    const rows = await db
      .select({
        day: sql<string>`to_char(${d.day}, 'YYYY-MM-DD')`,
        kind: d.kind,
        status: d.status,
        n: sql<string>`sum(${d.count})::text`,
        amount: sql<string>`sum(${d.amount})::text`,
      })
      .from(d)
      .where(
        and(
          inScope(d, scope, { market: true }),
          inArray(d.kind, kinds),
          gte(d.day, utcDayString(first)),
          lt(d.day, utcDayString(new Date(today.getTime() + DAY_MS))),
        ),
      )
      .groupBy(d.day, d.kind, d.status);
    for (const r of rows) {
      const p = points.get(r.day);
      if (!p) continue;
      const group = statusGroup(r.status);
      const n = Number(r.n);
      if (r.kind === "collection") {
        if (group === "successful") {
          p.collectionsSuccessful += n;
          p.collectionsAmount += BigInt(r.amount ?? 0);
        } else if (group === "failed") p.collectionsFailed += n;
      } else if (group === "successful") {
        p.payoutsSuccessful += n;
        p.payoutsAmount += BigInt(r.amount ?? 0);
      } else if (group === "failed") p.payoutsFailed += n;
    }
  }
  return { currency: scope.market.currency, days: [...points.values()] };
}
