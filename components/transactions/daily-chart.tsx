"use client";

import { useEffect, useRef } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import type { DailyPoint } from "@/lib/transactions/types";
import { CHART, ChartLegend, SERIES, chartRows, valueTick, type ChartMode } from "./daily-chart-series";

/**
 * The home chart in recharts, loaded when the chart is first used (daily-chart-card.tsx); until
 * then daily-chart-static.tsx draws the same picture. It is kept from measuring the page (forced
 * layouts): the bars do not animate, the axes show every n-th tick instead of measuring each label
 * to decide (30 days: every third date), and the legend is HTML rather than recharts' Legend.
 * `autoFocus`: the static chart had the keyboard focus; give it to recharts' surface (arrow keys
 * then walk the days' tooltips).
 */
export default function DailyChart({
  days,
  currency,
  mode,
  autoFocus,
}: {
  days: DailyPoint[];
  currency: string;
  mode: ChartMode;
  autoFocus?: boolean;
}) {
  const data = chartRows(days);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!autoFocus || !el) return;
    // ResponsiveContainer draws the chart once it has measured its box: wait for the surface.
    const focus = () => {
      const surface = el.querySelector<SVGElement>(".recharts-surface");
      surface?.focus();
      return Boolean(surface);
    };
    if (focus()) return;
    const observer = new MutationObserver(() => focus() && observer.disconnect());
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [autoFocus]);
  return (
    <div ref={box}>
      <ResponsiveContainer width="100%" height={CHART.height} initialDimension={{ width: 960, height: CHART.height }}>
        <BarChart data={data} margin={{ top: CHART.top, right: CHART.right, bottom: 0, left: 0 }} barGap={CHART.barGap}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: CHART.tickFontSize, fill: "var(--muted-foreground)" }}
            tickLine={false}
            axisLine={false}
            height={CHART.xAxisHeight}
            interval={CHART.xTickInterval}
          />
          <YAxis
            tick={{ fontSize: CHART.tickFontSize, fill: "var(--muted-foreground)" }}
            tickLine={false}
            axisLine={false}
            width={CHART.yAxisWidth}
            interval={0}
            allowDecimals={false}
            tickFormatter={(v: number) => valueTick(mode, v)}
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
      <ChartLegend mode={mode} />
    </div>
  );
}

