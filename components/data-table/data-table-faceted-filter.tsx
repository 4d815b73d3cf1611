"use client";

import { Fragment, useId } from "react";
import { ListFilter } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Separator } from "@/components/ui/separator";

interface Props {
  title: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
}

/** A multi-select filter (status, network, type…) in a popover of checkboxes. */
export function DataTableFacetedFilter({ title, options, selected, onChange }: Props) {
  const id = useId();
  const set = new Set(selected);
  const toggle = (value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  const labels = selected.map((v) => options.find((o) => o.value === v)?.label ?? v);
  // The name starts with what the button does and ends with exactly what it shows (WCAG 2.5.3:
  // the visible words, in order, are part of the name).
  const shown = set.size > 2 ? `${set.size} selected` : labels.join(" ");
  const name = `Filter by ${title.toLowerCase()}${set.size ? ` (${set.size} selected): ${title} ${shown}` : ""}`;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="border-dashed" aria-label={name}>
          <ListFilter aria-hidden /> {title}
          {set.size > 0 && (
            <>
              {" "}
              <Separator orientation="vertical" className="mx-1 h-4" />
              {set.size > 2 ? (
                <Badge variant="secondary" className="rounded-sm px-1 font-normal">
                  {set.size} selected
                </Badge>
              ) : (
                labels.map((label, i) => (
                  <Fragment key={selected[i]}>
                    {i > 0 && " "}
                    <Badge variant="secondary" className="rounded-sm px-1 font-normal">
                      {label}
                    </Badge>
                  </Fragment>
                ))
              )}
            </>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-64 p-0">
        <fieldset className="max-h-72 overflow-y-auto p-2">
          <legend className="sr-only">{title}</legend>
          {options.map((o) => {
            const cid = `${id}-${o.value}`;
            return (
              <label key={o.value} htmlFor={cid} className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm hover:bg-accent">
                <Checkbox id={cid} checked={set.has(o.value)} onCheckedChange={(v) => toggle(o.value, v === true)} />
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
