import type { DailyPoint } from "@/lib/transactions/types";

/*
 * What the home chart draws, shared by its two renderings: the static one drawn with the page
 * (daily-chart-static.tsx) and recharts, loaded on first use (daily-chart.tsx). Neither imports the
 * other, so the page does not download recharts until the chart is used.
 */

export type ChartMode = "count" | "volume";

/** The bars of each measure, bottom to top of a stack; `top` rounds a stack's upper corners. The legend lists the same. */
export const SERIES: Record<ChartMode, { dataKey: keyof ChartRow; name: string; color: string; stackId?: string; top?: boolean }[]> = {
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

/** The plot's box inside the chart, in px: both renderings put the axes and bars in the same places. */
export const CHART = { height: 256, top: 8, right: 8, yAxisWidth: 48, xAxisHeight: 30, xTickInterval: 2, barGap: 2, tickFontSize: 11 };

export type ChartRow = DailyPoint & { label: string; collectionsVolume: number; payoutsVolume: number };

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "2-digit", month: "short", timeZone: "UTC" });

export function chartRows(days: DailyPoint[]): ChartRow[] {
  return days.map((d) => ({
    ...d,
    label: dayLabel(d.day),
    collectionsVolume: Number(d.collectionsAmount),
    payoutsVolume: Number(d.payoutsAmount),
  }));
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** A value-axis label: counts as they are, volumes in major units (minor units are plotted). */
export const valueTick = (mode: ChartMode, v: number) => (mode === "volume" ? compact.format(v / 100) : compact.format(v));

/** The chart's legend: what each colour is, in the order the bars stack. */
export function ChartLegend({ mode }: { mode: ChartMode }) {
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
