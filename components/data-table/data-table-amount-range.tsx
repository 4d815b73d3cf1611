"use client";

import { useState } from "react";
import { Coins } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

interface Props {
  min: string | null;
  max: string | null;
  currency: string;
  onChange: (range: { min: string | null; max: string | null }) => void;
}

const AMOUNT = /^\d[\d,]*(\.\d+)?$/;

/** An amount range (in the market currency, as typed: "1,000.50"). */
export function DataTableAmountRange({ min, max, currency, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [draftMin, setDraftMin] = useState(min ?? "");
  const [draftMax, setDraftMax] = useState(max ?? "");
  const num = (v: string) => Number(v.replace(/,/g, ""));
  const error =
    (draftMin && !AMOUNT.test(draftMin.trim())) || (draftMax && !AMOUNT.test(draftMax.trim()))
      ? "Enter numbers like 1000 or 1,000.50"
      : draftMin && draftMax && num(draftMin) > num(draftMax)
        ? "The minimum must not exceed the maximum"
        : null;
  const active = min || max;
  const text = active ? `${min ?? "0"} – ${max ?? "∞"} ${currency}` : "Amount";
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
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="border-dashed" aria-label={active ? `Amount range: ${text}` : "Filter by amount"}>
          <Coins aria-hidden /> {text}
        </Button>
      </PopoverTrigger>
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
