"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";
import type { LinkAnalyticsDay } from "@/lib/payment-links/link-payments-contract";

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "2-digit", month: "short", timeZone: "UTC" });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * A payment link's days: successful payments and attempts as bars (left scale), page views as a
 * line (right scale). Recharts
 * is large: this module is loaded on demand (next/dynamic in link-detail-controls.tsx), never with the page.
 */
export default function LinkAnalyticsChart({ daily, currency }: { daily: LinkAnalyticsDay[]; currency: string }) {
  const data = daily.map((d) => ({ ...d, label: dayLabel(d.day) }));
  const collectedOn = new Map(daily.map((d) => [dayLabel(d.day), d.collected]));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={2}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
          tickLine={false}
          axisLine={false}
          interval="preserveStartEnd"
          minTickGap={16}
        />
        <YAxis
          yAxisId="payments"
          tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
          tickLine={false}
          axisLine={false}
          width={40}
          allowDecimals={false}
          tickFormatter={(v: number) => compact.format(v)}
        />
        {/* Views run far higher than payments: their own scale on the right, so the bars stay readable. */}
        <YAxis
          yAxisId="views"
          orientation="right"
          tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
          tickLine={false}
          axisLine={false}
          width={40}
          allowDecimals={false}
          tickFormatter={(v: number) => compact.format(v)}
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
          formatter={(value, name) => [Number(value).toLocaleString("en-US"), name]}
          labelFormatter={(label) => {
            const collected = collectedOn.get(String(label));
            return collected && collected !== "0" ? `${label} · ${formatMoney(collected, currency)} collected` : String(label);
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="payments" dataKey="attempts" name="Payment attempts" fill="var(--chart-3)" radius={[3, 3, 0, 0]} />
        <Bar yAxisId="payments" dataKey="successful" name="Successful payments" fill="var(--chart-2)" radius={[3, 3, 0, 0]} />
        <Line yAxisId="views" dataKey="views" name="Page views" type="monotone" stroke="var(--chart-1)" strokeWidth={2} dot={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
