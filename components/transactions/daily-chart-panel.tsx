"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { StandIn, WithStandIn, useOnDemand } from "@/components/ui/on-demand";
import type { ChartMode } from "./daily-chart-series";
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
 * The home chart's client part (daily-chart-card.tsx renders the card around it): the Count /
 * Volume toggle and the figure. The figure is first the static drawing of the chosen measure,
 * rendered by the server for both (`statics`); recharts takes its place when the chart is first
 * pointed at, focused or switched.
 */
export function DailyChartPanel({
  title,
  days,
  currency,
  statics,
  summary,
}: {
  /** The card's title and description (server-rendered). */
  title: React.ReactNode;
  days: DailyChartResponse["days"];
  currency: string;
  statics: Record<ChartMode, React.ReactNode>;
  summary: string;
}) {
  const [mode, setMode] = useState<ChartMode>("count");
  const chart = useOnDemand(loadChart);
  const [focusChart, setFocusChart] = useState(false);
  return (
    <>
      {/* CardHeader's and CardContent's looks (ui/card.tsx), without shipping the card's module. */}
      <div data-slot="card-header" className="ui-card-header flex flex-row flex-wrap items-start justify-between gap-2">
        {title}
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
      </div>
      <div data-slot="card-content" className="ui-card-content">
        <figure aria-label="Daily collections and payouts, last 30 days" data-testid="daily-chart">
          {chart.used ? (
            <WithStandIn standIn={statics[mode]}>
              <DailyChart days={days} currency={currency} mode={mode} autoFocus={focusChart} />
            </WithStandIn>
          ) : (
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
              {statics[mode]}
            </div>
          )}
          <figcaption className="sr-only">{summary}</figcaption>
        </figure>
      </div>
    </>
  );
}
