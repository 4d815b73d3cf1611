"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { addDays, todayIn } from "@/lib/transactions/dates";
import type { DateRangeProps } from "./data-table-date-range";

/** The date range's popover, loaded on its first opening (data-table-date-range.tsx): opens at once. */
export default function DateRangePopup({ from, to, zone, onChange, trigger }: DateRangeProps & { trigger: React.ReactElement }) {
  const [open, setOpen] = useState(true);
  const [draftFrom, setDraftFrom] = useState(from ?? "");
  const [draftTo, setDraftTo] = useState(to ?? "");
  const today = todayIn(zone);
  const invalid = draftFrom && draftTo && draftFrom > draftTo ? "The end date must be on or after the start date" : null;
  const presets: [string, string, string][] = [
    ["Today", today, today],
    ["Last 7 days", addDays(today, -6), today],
    ["Last 30 days", addDays(today, -29), today],
    ["This month", `${today.slice(0, 8)}01`, today],
  ];
  const apply = (f: string, t: string) => {
    onChange({ from: f || null, to: t || null });
    setOpen(false);
  };
  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setDraftFrom(from ?? "");
          setDraftTo(to ?? "");
        }
      }}
    >
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent align="start" className="w-80">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) apply(draftFrom, draftTo);
          }}
        >
          <div className="flex flex-wrap gap-1.5">
            {presets.map(([name, f, t]) => (
              <Button key={name} type="button" variant="secondary" size="sm" onClick={() => apply(f, t)}>
                {name}
              </Button>
            ))}
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div className="space-y-1.5">
              <Label htmlFor="date-from">From</Label>
              <Input id="date-from" type="date" value={draftFrom} max={draftTo || undefined} onChange={(e) => setDraftFrom(e.target.value)} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="date-to">To</Label>
              <Input id="date-to" type="date" value={draftTo} min={draftFrom || undefined} onChange={(e) => setDraftTo(e.target.value)} />
            </div>
          </div>
          {invalid && <p className="text-xs text-destructive dark:text-red-300">{invalid}</p>}
          <p className="text-xs text-muted-foreground">Days are in {zone === "UTC" ? "UTC" : zone.replace("_", " ")}.</p>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" size="sm" onClick={() => apply("", "")}>
              Clear
            </Button>
            <Button type="submit" size="sm" disabled={!!invalid}>
              Apply
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}
