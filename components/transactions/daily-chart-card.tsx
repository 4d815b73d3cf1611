"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StandIn, WithStandIn, useOnDemand } from "@/components/ui/on-demand";
import { formatMoney } from "@/lib/money";
import type { ChartMode } from "./daily-chart-series";
import { DailyChartStatic } from "./daily-chart-static";
import type { DailyChartResponse } from "@/lib/transactions/types";

const MODES: [ChartMode, string][] = [
  ["count", "Count"],
  ["volume", "Volume"],
];

// Recharts (its tooltips) loads on first use; until then the page shows the same chart drawn in
// HTML (daily-chart-static.tsx says why).
const DailyChart = dynamic(() => import("./daily-chart"), { ssr: false, loading: StandIn });
const loadChart = () => import("./daily-chart");

/**
 * Home: 30 days of collections and payouts, successful vs failed (counts) or successful volume.
 * The server reads the days (the page's data); `error` is its message when it could not.
 */
export function DailyChartCard({ data, error }: { data?: DailyChartResponse; error?: string }) {
  const [mode, setMode] = useState<ChartMode>("count");
  const chart = useOnDemand(loadChart);
  const [focusChart, setFocusChart] = useState(false);
  const sum = (k: "collectionsSuccessful" | "collectionsFailed" | "payoutsSuccessful" | "payoutsFailed") => data?.days.reduce((s, d) => s + d[k], 0) ?? 0;
  const volume = (k: "collectionsAmount" | "payoutsAmount") => data?.days.reduce((s, d) => s + BigInt(d[k]), 0n) ?? 0n;
  const summary = data
    ? `Last 30 days: ${sum("collectionsSuccessful")} successful and ${sum("collectionsFailed")} failed collections (${formatMoney(volume("collectionsAmount"), data.currency)}); ${sum("payoutsSuccessful")} successful and ${sum("payoutsFailed")} failed payouts (${formatMoney(volume("payoutsAmount"), data.currency)}).`
    : "";
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
        <div>
          <CardTitle>Collections and Payouts</CardTitle>
          <CardDescription>Daily, last 30 days (UTC days), successful vs failed</CardDescription>
        </div>
        {/* Two toggle buttons, not tabs: they switch what one chart shows, there are no tab panels. */}
        <div role="group" aria-label="Chart measure" className="inline-flex h-9 items-center rounded-lg bg-muted p-1 text-muted-foreground">
          {MODES.map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={mode === value}
              onClick={() => {
                setMode(value);
                chart.use();
              }}
              className="inline-flex h-full items-center rounded-md px-3 text-sm font-medium outline-none transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring aria-pressed:bg-background aria-pressed:text-foreground aria-pressed:shadow-sm"
            >
              {label}
            </button>
          ))}
        </div>
      </CardHeader>
      <CardContent>
        <figure aria-label="Daily collections and payouts, last 30 days" data-testid="daily-chart">
          {error ? (
            <p className="py-16 text-center text-sm text-muted-foreground">The chart could not be loaded: {error}</p>
          ) : data && chart.used ? (
            <WithStandIn standIn={<DailyChartStatic days={data.days} mode={mode} />}>
              <DailyChart days={data.days} currency={data.currency} mode={mode} autoFocus={focusChart} />
            </WithStandIn>
          ) : data ? (
            // Pointing at it or focusing it loads recharts. Focusable with recharts' role, as its
            // surface is: a keyboard user lands on it and then walks the days with the arrow keys.
            <div
              role="application"
              tabIndex={0}
              // pointermove, not pointerenter: a pointer already over it when the page hydrates counts.
              onPointerMove={chart.use}
              onFocus={() => {
                setFocusChart(true);
                chart.use();
              }}
            >
              <DailyChartStatic days={data.days} mode={mode} />
            </div>
          ) : null}
          {summary && <figcaption className="sr-only">{summary}</figcaption>}
        </figure>
      </CardContent>
    </Card>
  );
}
