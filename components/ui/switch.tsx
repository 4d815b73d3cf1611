"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/*
 * A native checkbox with role="switch", drawn like the design's (no Radix: the switch is always on
 * the page, so its code would cost first-load JS and hydration for nothing). `appearance: none`
 * leaves the track we style (.ui-switch in ui-controls.css); the thumb is `::before`, moved by
 * `:checked`.
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
      className={cn("peer ui-switch", className)}
      {...props}
    />
  );
}

export { Switch };
