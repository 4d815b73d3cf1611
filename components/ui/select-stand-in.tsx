"use client";

import { useId } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";

/** SelectTrigger's look (components/ui/select.tsx uses the same class), in ui-controls.css. */
export const selectTriggerClass = "ui-select-trigger";

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
      <ChevronDown aria-hidden="true" className="ui-select-stand-in-icon" />
    </button>
  );
}
