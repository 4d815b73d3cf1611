"use client";

import { Fragment } from "react";
import dynamic from "next/dynamic";
import { ListFilter } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Separator } from "@/components/ui/separator";
import { StandIn, useOnDemand, WithStandIn } from "@/components/ui/on-demand";

export interface FacetedFilterProps {
  title: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
}

/**
 * The filter's button: its title and what is selected. The name starts with what the button does
 * and ends with exactly what it shows (WCAG 2.5.3: the visible words, in order, are part of the name).
 */
export function FacetedFilterButton({
  title,
  options,
  selected,
  ...props
}: Pick<FacetedFilterProps, "title" | "options" | "selected"> & React.ComponentProps<"button">) {
  const count = new Set(selected).size;
  const labels = selected.map((v) => options.find((o) => o.value === v)?.label ?? v);
  const shown = count > 2 ? `${count} selected` : labels.join(" ");
  const name = `Filter by ${title.toLowerCase()}${count ? ` (${count} selected): ${title} ${shown}` : ""}`;
  return (
    <Button variant="outline" size="sm" className="border-dashed" aria-label={name} aria-haspopup="dialog" aria-expanded={false} {...props}>
      <ListFilter aria-hidden /> {title}
      {count > 0 && (
        <>
          {" "}
          <Separator orientation="vertical" className="mx-1 h-4" />
          {count > 2 ? (
            <Badge variant="secondary" className="rounded-sm px-1 font-normal">
              {count} selected
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
  );
}

// The popover of checkboxes (Radix Popover) loads on first use; until then its button stands in.
const loadPopup = () => import("./data-table-faceted-filter-popup");
const FacetedFilterPopup = dynamic(() => import("./data-table-faceted-filter-popup"), { ssr: false, loading: StandIn });

/** A multi-select filter (status, network, type…) in a popover of checkboxes. */
export function DataTableFacetedFilter(props: FacetedFilterProps) {
  const popup = useOnDemand(loadPopup);
  const button = <FacetedFilterButton title={props.title} options={props.options} selected={props.selected} />;
  if (!popup.used) return <FacetedFilterButton title={props.title} options={props.options} selected={props.selected} {...popup.trigger} />;
  return (
    <WithStandIn standIn={button}>
      <FacetedFilterPopup {...props} trigger={button} />
    </WithStandIn>
  );
}
