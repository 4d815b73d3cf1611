import "server-only";
import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { transactionDailyStats as d, transactions as t } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { ceilUtcDay, floorUtcDay, utcDayString } from "./dates";
import { statusGroup, type ListSlug } from "./kinds";
import type { ListQuery } from "./list-contract";
import { dailyStatsCanAnswer, filterConditions, normalizeFilters, scopeConditions, type TxFilters } from "./query";

export interface StatusTotals {
  status: string;
  count: number;
  amount: bigint;
  fee: bigint;
}

export interface TxStats {
  currency: string;
  counters: { successful: number; failed: number; pending: number; total: number };
  successAmount: bigint;
  successFees: bigint;
  averageAmount: bigint;
  successRate: number;
  source: "daily" | "rows";
}

type RawTotals = { status: string; n: string; amount: string | null; fee: string | null };

function toTotals(rows: RawTotals[]): StatusTotals[] {
  return rows.map((r) => ({ status: r.status, count: Number(r.n), amount: BigInt(r.amount ?? 0), fee: BigInt(r.fee ?? 0) }));
}

/** Per-status totals over the matching transactions (the filtered rows, through the list indexes). */
async function totalsFromRows(db: Db, scope: Scope, f: TxFilters, range?: { start?: Date; end?: Date }): Promise<StatusTotals[]> {
  const conds: SQL[] = [...scopeConditions(scope, f.kinds), ...filterConditions(f, scope, { skipDates: range !== undefined })];
  if (range?.start) conds.push(gte(t.createdAt, range.start));
  if (range?.end) conds.push(lt(t.createdAt, range.end));
  const rows = await db
    .select({
      status: t.status,
      n: sql<string>`count(*)::text`,
      amount: sql<string>`coalesce(sum(${t.amount}), 0)::text`,
      fee: sql<string>`coalesce(sum(${t.fee}), 0)::text`,
    })
    .from(t)
    .where(and(...conds))
    .groupBy(t.status);
  return toTotals(rows);
}

/** Per-status totals from transaction_daily_stats for whole UTC days [fromDay, toDay). */
async function totalsFromDaily(db: Db, scope: Scope, f: TxFilters, fromDay?: string, toDay?: string): Promise<StatusTotals[]> {
  if (f.kinds.length === 0) return [];
  const conds: SQL[] = [inScope(d, scope, { market: true }), f.kinds.length === 1 ? eq(d.kind, f.kinds[0]) : inArray(d.kind, f.kinds)];
  if (fromDay) conds.push(sql`${d.day} >= ${fromDay}::date`);
  if (toDay) conds.push(sql`${d.day} < ${toDay}::date`);
  if (f.statuses.length) conds.push(inArray(d.status, f.statuses));
  if (f.networks.length) conds.push(inArray(d.network, f.networks));
  if (f.methods.length) conds.push(inArray(d.channel, f.methods));
  const rows = await db
    .select({
      status: d.status,
      n: sql<string>`coalesce(sum(${d.count}), 0)::text`,
      amount: sql<string>`coalesce(sum(${d.amount}), 0)::text`,
      fee: sql<string>`coalesce(sum(${d.fee}), 0)::text`,
    })
    .from(d)
    .where(and(...conds))
    .groupBy(d.status);
  return toTotals(rows);
}

/**
 * Per-status totals for the filters. Without search / amount / chain / token / refund filters the whole
 * UTC days come from transaction_daily_stats and only the partial days at the edges of the date
 * range (the range is in the integrator's zone) are aggregated from the rows.
 */
export async function statusTotals(db: Db, scope: Scope, f: TxFilters): Promise<{ totals: StatusTotals[]; source: "daily" | "rows" }> {
  if (!dailyStatsCanAnswer(f)) return { totals: await totalsFromRows(db, scope, f), source: "rows" };
  const fullStart = f.start ? ceilUtcDay(f.start) : undefined;
  const fullEnd = f.end ? floorUtcDay(f.end) : undefined;
  if (fullStart && fullEnd && fullStart >= fullEnd) {
    return { totals: await totalsFromRows(db, scope, f), source: "rows" };
  }
  const parts = await Promise.all([
    totalsFromDaily(db, scope, f, fullStart && utcDayString(fullStart), fullEnd && utcDayString(fullEnd)),
    f.start && fullStart && f.start < fullStart ? totalsFromRows(db, scope, f, { start: f.start, end: fullStart }) : [],
    f.end && fullEnd && fullEnd < f.end ? totalsFromRows(db, scope, f, { start: fullEnd, end: f.end }) : [],
  ]);
  const merged = new Map<string, StatusTotals>();
  for (const row of parts.flat()) {
    const prev = merged.get(row.status);
    if (prev) {
      prev.count += row.count;
      prev.amount += row.amount;
      prev.fee += row.fee;
    } else merged.set(row.status, { ...row });
  }
  return { totals: [...merged.values()].filter((r) => r.count !== 0), source: "daily" };
}

export function summarize(currency: string, totals: StatusTotals[], source: "daily" | "rows"): TxStats {
  const counters = { successful: 0, failed: 0, pending: 0, total: 0 };
  let successAmount = 0n;
  let successFees = 0n;
  for (const row of totals) {
    const group = statusGroup(row.status);
    counters[group] += row.count;
    counters.total += row.count;
    if (group === "successful") {
      successAmount += row.amount;
      successFees += row.fee;
    }
  }
  return {
    currency,
    counters,
    successAmount,
    successFees,
    averageAmount: counters.successful ? successAmount / BigInt(counters.successful) : 0n,
    successRate: counters.total ? Math.round((counters.successful / counters.total) * 1000) / 10 : 0,
    source,
  };
}

/** The stat cards and the Successful / Failed / Pending / Total counters for the current filters. */
export async function transactionStats(db: Db, scope: Scope, slug: ListSlug, input: ListQuery): Promise<TxStats> {
  const f = normalizeFilters(scope, slug, input);
  const { totals, source } = await statusTotals(db, scope, f);
  return summarize(scope.market.currency, totals, source);
}
