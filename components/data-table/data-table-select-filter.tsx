"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const ALL = "__all";

/** A one-value filter (kind, actor…): a select whose accessible name is the filter's title. */
export function DataTableSelectFilter({
  title,
  options,
  value,
  allLabel,
  onChange,
}: {
  title: string;
  options: readonly { value: string; label: string }[];
  value: string | null;
  allLabel?: string;
  onChange: (value: string | null) => void;
}) {
  return (
    <Select value={value || ALL} onValueChange={(v) => onChange(v === ALL ? null : v)}>
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
