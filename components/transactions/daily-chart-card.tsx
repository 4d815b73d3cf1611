import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { DailyChartResponse } from "@/lib/transactions/types";
import { DailyChartPanel } from "./daily-chart-panel";
import { DailyChartStatic } from "./daily-chart-static";

/**
 * Home: 30 days of collections and payouts, successful vs failed (counts) or successful volume.
 * The server reads the days (the page's data; `error` is its message when it could not) and draws
 * the chart for both measures (daily-chart-static.tsx); the browser runs the toggle and, on first
 * use, recharts (daily-chart-panel.tsx).
 */
export function DailyChartCard({ data, error }: { data?: DailyChartResponse; error?: string }) {
  const title = (
    <div>
      <CardTitle>Collections and Payouts</CardTitle>
      <CardDescription>Daily, last 30 days (UTC days), successful vs failed</CardDescription>
    </div>
  );
  if (!data) {
    return (
      <Card>
        <div data-slot="card-header" className="ui-card-header">
          {title}
        </div>
        <p className="ui-card-content py-16 text-center text-sm text-muted-foreground">The chart could not be loaded: {error}</p>
      </Card>
    );
  }
  const sum = (k: "collectionsSuccessful" | "collectionsFailed" | "payoutsSuccessful" | "payoutsFailed") => data.days.reduce((s, d) => s + d[k], 0);
  const volume = (k: "collectionsAmount" | "payoutsAmount") => data.days.reduce((s, d) => s + BigInt(d[k]), 0n);
  const summary = `Last 30 days: ${sum("collectionsSuccessful")} successful and ${sum("collectionsFailed")} failed collections (${formatMoney(volume("collectionsAmount"), data.currency)}); ${sum("payoutsSuccessful")} successful and ${sum("payoutsFailed")} failed payouts (${formatMoney(volume("payoutsAmount"), data.currency)}).`;
  return (
    <Card>
      <DailyChartPanel
        title={title}
        days={data.days}
        currency={data.currency}
        statics={{ count: <DailyChartStatic days={data.days} mode="count" />, volume: <DailyChartStatic days={data.days} mode="volume" /> }}
        summary={summary}
      />
    </Card>
  );
}
