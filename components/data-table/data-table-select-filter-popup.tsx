"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ALL, type SelectFilterProps } from "./data-table-select-filter";

/** The select filter's Radix Select, loaded on its first opening (data-table-select-filter.tsx): opens at once. */
export default function SelectFilterPopup({ title, options, value, allLabel, onChange }: SelectFilterProps) {
  return (
    <Select defaultOpen value={value || ALL} onValueChange={(v) => onChange(v === ALL ? null : v)}>
      <SelectTrigger aria-label={title} size="sm" className="w-44">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{allLabel ?? `All ${title.toLowerCase()}`}</SelectItem>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
