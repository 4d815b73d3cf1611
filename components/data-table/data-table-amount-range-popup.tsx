"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { AmountRangeProps } from "./data-table-amount-range";

const AMOUNT = /^\d[\d,]*(\.\d+)?$/;

/** The amount range's popover, loaded on its first opening (data-table-amount-range.tsx): opens at once. */
export default function AmountRangePopup({ min, max, currency, onChange, trigger }: AmountRangeProps & { trigger: React.ReactElement }) {
  const [open, setOpen] = useState(true);
  const [draftMin, setDraftMin] = useState(min ?? "");
  const [draftMax, setDraftMax] = useState(max ?? "");
  const num = (v: string) => Number(v.replace(/,/g, ""));
  const error =
    (draftMin && !AMOUNT.test(draftMin.trim())) || (draftMax && !AMOUNT.test(draftMax.trim()))
      ? "Enter numbers like 1000 or 1,000.50"
      : draftMin && draftMax && num(draftMin) > num(draftMax)
        ? "The minimum must not exceed the maximum"
        : null;
  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setDraftMin(min ?? "");
          setDraftMax(max ?? "");
        }
      }}
    >
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent align="start" className="w-72">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (error) return;
            onChange({ min: draftMin.trim() || null, max: draftMax.trim() || null });
            setOpen(false);
          }}
        >
          <div className="grid grid-cols-2 gap-2">
            <div className="space-y-1.5">
              <Label htmlFor="amount-min">Min ({currency})</Label>
              <Input id="amount-min" inputMode="decimal" autoComplete="off" value={draftMin} onChange={(e) => setDraftMin(e.target.value)} />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="amount-max">Max ({currency})</Label>
              <Input id="amount-max" inputMode="decimal" autoComplete="off" value={draftMax} onChange={(e) => setDraftMax(e.target.value)} />
            </div>
          </div>
          {error && <p className="text-xs text-destructive dark:text-red-300">{error}</p>}
          <div className="flex justify-end gap-2">
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                onChange({ min: null, max: null });
                setOpen(false);
              }}
            >
              Clear
            </Button>
            <Button type="submit" size="sm" disabled={!!error}>
              Apply
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}
