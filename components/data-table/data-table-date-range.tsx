"use client";

import dynamic from "next/dynamic";
import { CalendarDays, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StandIn, useOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { parseIsoDay } from "@/lib/transactions/dates";

export interface DateRangeProps {
  from: string | null;
  to: string | null;
  /** The zone "today" and the days are in (what the sidebar widget shows). */
  zone: string;
  onChange: (range: { from: string | null; to: string | null }) => void;
}

function label(day: string): string {
  const p = parseIsoDay(day);
  if (!p) return day;
  return new Date(Date.UTC(p[0], p[1] - 1, p[2])).toLocaleDateString("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone: "UTC" });
}

/** The range's button: "Pick a date", or the range chosen. */
export function DateRangeButton({ from, to, ...props }: { from: string | null; to: string | null } & React.ComponentProps<"button">) {
  const text = from || to ? `${from ? label(from) : "…"} – ${to ? label(to) : "…"}` : "Pick a date";
  return (
    <Button
      variant="outline"
      size="sm"
      aria-label={from || to ? `Date range: ${text}` : "Pick a date"}
      className={from || to ? "rounded-r-none" : undefined}
      aria-haspopup="dialog"
      aria-expanded={false}
      {...props}
    >
      <CalendarDays aria-hidden /> {text}
    </Button>
  );
}

// The popover (Radix Popover, the form) loads on first use; until then its button stands in.
const loadPopup = () => import("./data-table-date-range-popup");
const DateRangePopup = dynamic(() => import("./data-table-date-range-popup"), { ssr: false, loading: StandIn });

/** "Pick a date": a from/to range of calendar days, with presets. */
export function DataTableDateRange(props: DateRangeProps) {
  const { from, to, onChange } = props;
  const popup = useOnDemand(loadPopup);
  const button = <DateRangeButton from={from} to={to} />;
  return (
    <div className="flex items-center">
      {popup.used ? (
        <WithStandIn standIn={button}>
          <DateRangePopup {...props} trigger={button} />
        </WithStandIn>
      ) : (
        <DateRangeButton from={from} to={to} {...popup.trigger} />
      )}
      {(from || to) && (
        <Button variant="outline" size="sm" className="rounded-l-none border-l-0 px-2" aria-label="Clear date range" onClick={() => onChange({ from: null, to: null })}>
          <X aria-hidden />
        </Button>
      )}
    </div>
  );
}
