"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import type { DailyPoint } from "@/lib/transactions/types";

export type ChartMode = "count" | "volume";

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "2-digit", month: "short", timeZone: "UTC" });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** The bars of each measure, bottom to top of a stack; `top` rounds a stack's upper corners. The legend lists the same. */
const SERIES: Record<ChartMode, { dataKey: string; name: string; color: string; stackId?: string; top?: boolean }[]> = {
  count: [
    { dataKey: "collectionsSuccessful", name: "Collections successful", color: "var(--chart-2)", stackId: "c" },
    { dataKey: "collectionsFailed", name: "Collections failed", color: "var(--destructive)", stackId: "c", top: true },
    { dataKey: "payoutsSuccessful", name: "Payouts successful", color: "var(--chart-3)", stackId: "p" },
    { dataKey: "payoutsFailed", name: "Payouts failed", color: "var(--chart-4)", stackId: "p", top: true },
  ],
  volume: [
    { dataKey: "collectionsVolume", name: "Collections (successful)", color: "var(--chart-2)", top: true },
    { dataKey: "payoutsVolume", name: "Payouts (successful)", color: "var(--chart-3)", top: true },
  ],
};

/**
 * Recharts is large: this module is loaded on demand (see daily-chart-card.tsx). It renders while
 * the page is still settling, so it is kept from measuring the page (forced layouts Lighthouse
 * counts as blocking time): the bars do not animate, the axes show every n-th tick instead of
 * measuring each label to decide (30 days: every third date), and the legend is HTML rather than
 * recharts' Legend (which reads its box on mount).
 */
export default function DailyChart({
  days,
  currency,
  mode,
}: {
  days: DailyPoint[];
  currency: string;
  mode: ChartMode;
}) {
  const data = days.map((d) => ({
    ...d,
    label: dayLabel(d.day),
    collectionsVolume: Number(d.collectionsAmount),
    payoutsVolume: Number(d.payoutsAmount),
  }));
  return (
    <>
      <ResponsiveContainer width="100%" height={256} initialDimension={{ width: 960, height: 256 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
            tickLine={false}
            axisLine={false}
            interval={2}
          />
          <YAxis
            tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
            tickLine={false}
            axisLine={false}
            width={48}
            interval={0}
            allowDecimals={false}
            tickFormatter={(v: number) => (mode === "volume" ? compact.format(v / 100) : compact.format(v))}
          />
          <Tooltip
            cursor={{ fill: "var(--muted)", opacity: 0.4 }}
            contentStyle={{
              background: "var(--popover)",
              border: "1px solid var(--border)",
              borderRadius: 8,
              color: "var(--popover-foreground)",
              fontSize: 12,
            }}
            formatter={(value, name) => [
              mode === "volume"
                ? formatMoney(BigInt(Math.round(Number(value))), currency)
                : Number(value).toLocaleString("en-US"),
              name,
            ]}
          />
          {SERIES[mode].map((b) => (
            <Bar
              key={b.dataKey}
              dataKey={b.dataKey}
              name={b.name}
              stackId={b.stackId}
              fill={b.color}
              radius={b.top ? [3, 3, 0, 0] : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <Legend mode={mode} />
    </>
  );
}

/** The chart's legend: what each colour is, in the order the bars stack. */
function Legend({ mode }: { mode: ChartMode }) {
  return (
    <ul aria-hidden className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {SERIES[mode].map((b) => (
        <li key={b.dataKey} className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-[2px]" style={{ background: b.color }} />
          {b.name}
        </li>
      ))}
    </ul>
  );
}
