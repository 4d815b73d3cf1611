"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { FacetedFilterProps } from "./data-table-faceted-filter";

/** The faceted filter's popover, loaded on its first opening (data-table-faceted-filter.tsx): opens at once. */
export default function FacetedFilterPopup({ title, options, selected, onChange, trigger }: FacetedFilterProps & { trigger: React.ReactElement }) {
  const id = useId();
  const set = new Set(selected);
  const toggle = (value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <Popover defaultOpen>
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent align="start" className="w-64 p-0">
        <fieldset className="max-h-72 overflow-y-auto p-2">
          <legend className="sr-only">{title}</legend>
          {options.map((o) => {
            const cid = `${id}-${o.value}`;
            return (
              <label key={o.value} htmlFor={cid} className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm hover:bg-accent">
                <Checkbox id={cid} checked={set.has(o.value)} onCheckedChange={(v) => toggle(o.value, v)} />
                <span className="truncate">{o.label}</span>
              </label>
            );
          })}
        </fieldset>
        {set.size > 0 && (
          <div className="border-t p-1">
            <Button variant="ghost" size="sm" className="w-full justify-center" onClick={() => onChange([])}>
              Clear filter
            </Button>
          </div>
        )}
      </PopoverContent>
    </Popover>
  );
}
