"use client";

import dynamic from "next/dynamic";
import { StandIn, useOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { SelectStandIn } from "@/components/ui/select-stand-in";

export const ALL = "__all";

export interface SelectFilterProps {
  title: string;
  options: readonly { value: string; label: string }[];
  value: string | null;
  allLabel?: string;
  onChange: (value: string | null) => void;
}

// The select (Radix Select) loads on first use; until then a button that looks like it stands in.
const loadSelect = () => import("./data-table-select-filter-popup");
const SelectFilterPopup = dynamic(() => import("./data-table-select-filter-popup"), { ssr: false, loading: StandIn });

/** A one-value filter (kind, actor…): a select whose accessible name is the filter's title. */
export function DataTableSelectFilter(props: SelectFilterProps) {
  const { title, options, value, allLabel } = props;
  const select = useOnDemand(loadSelect);
  const shown = (value && options.find((o) => o.value === value)?.label) || (allLabel ?? `All ${title.toLowerCase()}`);
  const standIn = (
    <SelectStandIn aria-label={title} size="sm" className="w-44" {...(select.used ? {} : select.trigger)}>
      {shown}
    </SelectStandIn>
  );
  if (!select.used) return standIn;
  return (
    <WithStandIn standIn={standIn}>
      <SelectFilterPopup {...props} />
    </WithStandIn>
  );
}
