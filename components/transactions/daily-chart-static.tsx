import type { DailyPoint } from "@/lib/transactions/types";
import { CHART, ChartLegend, SERIES, chartRows, valueTick, type ChartMode } from "./daily-chart-series";

/**
 * The home chart as the page draws it, before recharts loads: the same bars, axes and grid in the
 * same places, in plain HTML and CSS. Recharts 3 draws nothing on the server (an empty wrapper:
 * recharts/recharts#5997), and loading it with the page cost Home ~280 ms of blocking time (its
 * evaluation and first render), for a tooltip. So this is what the page shows and hydrates; the
 * card swaps in recharts (daily-chart.tsx) when the chart is first pointed at, focused or switched.
 *
 * Positions follow recharts' own arithmetic: a plot inset by the axes; 30 equal bands with a 10%
 * gap on each side and the two bars (or stacks) of a day 2 px apart; a value axis of five "nice"
 * ticks from 0 (niceTicks below); every third date on the category axis.
 */
export function DailyChartStatic({ days, mode }: { days: DailyPoint[]; mode: ChartMode }) {
  const rows = chartRows(days);
  const series = SERIES[mode];
  const stacks = [...new Set(series.map((s) => s.stackId ?? s.dataKey))];
  const highest = Math.max(
    0,
    ...rows.flatMap((r) => stacks.map((stack) => series.filter((s) => (s.stackId ?? s.dataKey) === stack).reduce((sum, s) => sum + Number(r[s.dataKey]), 0))),
  );
  const ticks = niceTicks(highest);
  const top = ticks[ticks.length - 1];
  const n = rows.length;
  const plotHeight = `(100% - ${CHART.top + CHART.xAxisHeight}px)`;
  // One bar's width inside a band: 80% of the band, less the gaps between the bars, shared.
  const bar = `((100% / ${n}) * 0.8 - ${(stacks.length - 1) * CHART.barGap}px) / ${stacks.length}`;
  return (
    <div aria-hidden className="select-none">
      <div className="relative text-muted-foreground" style={{ height: CHART.height, fontSize: CHART.tickFontSize, lineHeight: 1 }}>
        <div className="absolute" style={{ top: CHART.top, right: CHART.right, bottom: CHART.xAxisHeight, left: CHART.yAxisWidth }}>
          {ticks.map((t) => (
            <div
              key={t}
              className="absolute inset-x-0 h-px"
              style={{ bottom: `${(t / top) * 100}%`, background: "linear-gradient(to right, var(--border) 50%, transparent 0) 0 0 / 6px 1px" }}
            />
          ))}
          {rows.map((row, i) =>
            stacks.map((stack, k) => {
              let below = 0;
              return series
                .filter((s) => (s.stackId ?? s.dataKey) === stack)
                .map((s) => {
                  const value = Number(row[s.dataKey]);
                  const bottom = below;
                  below += value;
                  if (value <= 0) return null;
                  return (
                    <div
                      key={`${i}-${s.dataKey}`}
                      className="absolute"
                      style={{
                        left: `calc(${i} * 100% / ${n} + 100% / ${n * 10} + ${k} * (${bar} + ${CHART.barGap}px))`,
                        width: `calc(${bar})`,
                        bottom: `${(bottom / top) * 100}%`,
                        height: `${(value / top) * 100}%`,
                        background: s.color,
                        borderRadius: s.top ? "3px 3px 0 0" : undefined,
                      }}
                    />
                  );
                });
            }),
          )}
        </div>
        {ticks.map((t) => (
          <span
            key={t}
            className="absolute -translate-y-1/2 whitespace-nowrap"
            style={{ right: `calc(100% - ${CHART.yAxisWidth - 8}px)`, top: `calc(${CHART.top}px + ${plotHeight} * ${1 - t / top})` }}
          >
            {valueTick(mode, t)}
          </span>
        ))}
        {rows.map((row, i) =>
          i % (CHART.xTickInterval + 1) === 0 ? (
            <span
              key={row.day}
              className="absolute -translate-x-1/2 whitespace-nowrap"
              style={{
                left: `calc(${CHART.yAxisWidth}px + (100% - ${CHART.yAxisWidth + CHART.right}px) * ${(i + 0.5) / n})`,
                top: CHART.height - CHART.xAxisHeight + 7,
              }}
            >
              {row.label}
            </span>
          ) : null,
        )}
      </div>
      <ChartLegend mode={mode} />
    </div>
  );
}

/**
 * The value axis' five ticks from 0, as recharts picks them for a [0, highest] domain with whole
 * numbers (getNiceTickValues with its default adaptive step): a step rounded up to a "nice" multiple
 * of a power of ten, grown until four steps cover the highest value.
 */
export function niceTicks(highest: number, count = 5): number[] {
  if (highest <= 0) return Array.from({ length: count }, (_, i) => i);
  for (let correction = 0; ; correction++) {
    const rough = highest / (count - 1);
    const digits = Math.floor(Math.log10(rough)) + 1;
    // recharts: a ratio scale of 0.1 for one-digit steps, else 0.05, of 10^digits.
    const unit = digits === 1 ? 1 : 0.05 * 10 ** digits;
    const step = Math.ceil(Math.round((Math.ceil(rough / unit - 1e-9) + correction) * unit * 1e6) / 1e6);
    if (Math.ceil(highest / step) + 1 <= count) return Array.from({ length: count }, (_, i) => i * step);
  }
}
