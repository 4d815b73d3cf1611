"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/*
 * A native checkbox with role="switch", drawn like the design's (no Radix: the switch is always on
 * the page, so its code would cost first-load JS and hydration for nothing). `appearance: none`
 * leaves the track we style; the thumb is `::before`, moved by `:checked`.
 */
type SwitchProps = Omit<React.ComponentProps<"input">, "type" | "role" | "checked" | "defaultChecked" | "value"> & {
  checked?: boolean;
  defaultChecked?: boolean;
  onCheckedChange?(checked: boolean): void;
  /** Sent with a form when on (as Radix's hidden input did); "on" by default. */
  value?: string;
};

function Switch({ className, checked, defaultChecked, onCheckedChange, onChange, onKeyDown, ...props }: SwitchProps) {
  const [own, setOwn] = React.useState(Boolean(defaultChecked));
  const on = checked ?? own;
  return (
    <input
      type="checkbox"
      role="switch"
      data-slot="switch"
      data-state={on ? "checked" : "unchecked"}
      checked={checked}
      defaultChecked={checked === undefined ? defaultChecked : undefined}
      onChange={(e) => {
        onChange?.(e);
        if (checked === undefined) setOwn(e.currentTarget.checked);
        onCheckedChange?.(e.currentTarget.checked);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        // Like Radix's button switch: Enter toggles too (and does not submit the form around it).
        if (e.key === "Enter" && !e.defaultPrevented) {
          e.preventDefault();
          e.currentTarget.click();
        }
      }}
      className={cn(
        "peer inline-flex h-5 w-9 shrink-0 cursor-default appearance-none items-center rounded-full border border-transparent shadow-xs transition-colors outline-none",
        "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
        "bg-input checked:bg-primary disabled:cursor-not-allowed disabled:opacity-50",
        "before:pointer-events-none before:block before:size-4 before:rounded-full before:bg-white before:shadow-sm before:ring-0 before:transition-transform before:content-['']",
        "before:translate-x-0 checked:before:translate-x-4",
        className,
      )}
      {...props}
    />
  );
}

export { Switch };
