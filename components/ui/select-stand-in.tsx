"use client";

import { useId } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";

/** SelectTrigger's look (components/ui/select.tsx uses the same classes). */
export const selectTriggerClass = cn(
  "flex w-fit items-center justify-between gap-2 rounded-md border border-input bg-transparent px-3 py-2 text-sm whitespace-nowrap shadow-sm transition-colors outline-none",
  "data-[placeholder]:text-muted-foreground data-[size=default]:h-9 data-[size=sm]:h-8",
  "focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40",
  "aria-invalid:border-destructive disabled:cursor-not-allowed disabled:opacity-50",
  "*:data-[slot=select-value]:line-clamp-1 *:data-[slot=select-value]:flex *:data-[slot=select-value]:items-center *:data-[slot=select-value]:gap-2",
  "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
);

/**
 * What a closed Select looks like, without Radix: the stand-in until the select is first used
 * (components/ui/on-demand.tsx). Same role and name as Radix's trigger (a combobox), so people and
 * tests find it the same way before and after.
 */
export function SelectStandIn({
  className,
  size = "default",
  children,
  ...props
}: React.ComponentProps<"button"> & { size?: "sm" | "default" }) {
  // Like Radix's trigger, it names the listbox it will control (not in the page until opened).
  const listbox = useId();
  return (
    <button
      type="button"
      role="combobox"
      aria-controls={listbox}
      aria-expanded={false}
      aria-autocomplete="none"
      data-size={size}
      className={cn(selectTriggerClass, className)}
      {...props}
    >
      <span data-slot="select-value">{children}</span>
      <ChevronDown aria-hidden="true" className="size-4 opacity-60" />
    </button>
  );
}
