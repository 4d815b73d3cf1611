"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import type { DailyPoint } from "@/lib/transactions/types";

export type ChartMode = "count" | "volume";

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "2-digit", month: "short", timeZone: "UTC" });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * Recharts is large: this module is loaded on demand (see daily-chart-card.tsx). The bars do not
 * animate: on a page load the animation re-rendered the chart frame after frame while the page
 * was still hydrating (main-thread time Lighthouse counts as blocking), for no information.
 */
export default function DailyChart({ days, currency, mode }: { days: DailyPoint[]; currency: string; mode: ChartMode }) {
  const data = days.map((d) => ({
    ...d,
    label: dayLabel(d.day),
    collectionsVolume: Number(d.collectionsAmount),
    payoutsVolume: Number(d.payoutsAmount),
  }));
  return (
    <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 960, height: 280 }}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={2}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={16} />
        <YAxis
          tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
          tickLine={false}
          axisLine={false}
          width={48}
          allowDecimals={false}
          tickFormatter={(v: number) => (mode === "volume" ? compact.format(v / 100) : compact.format(v))}
        />
        <Tooltip
          cursor={{ fill: "var(--muted)", opacity: 0.4 }}
          contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--popover-foreground)", fontSize: 12 }}
          formatter={(value, name) => [mode === "volume" ? formatMoney(BigInt(Math.round(Number(value))), currency) : Number(value).toLocaleString("en-US"), name]}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {mode === "count" ? (
          <>
            <Bar dataKey="collectionsSuccessful" name="Collections successful" stackId="c" fill="var(--chart-2)" isAnimationActive={false} />
            <Bar dataKey="collectionsFailed" name="Collections failed" stackId="c" fill="var(--destructive)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            <Bar dataKey="payoutsSuccessful" name="Payouts successful" stackId="p" fill="var(--chart-3)" isAnimationActive={false} />
            <Bar dataKey="payoutsFailed" name="Payouts failed" stackId="p" fill="var(--chart-4)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </>
        ) : (
          <>
            <Bar dataKey="collectionsVolume" name="Collections (successful)" fill="var(--chart-2)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            <Bar dataKey="payoutsVolume" name="Payouts (successful)" fill="var(--chart-3)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </>
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}
