"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/*
 * A native checkbox drawn like the design's (no Radix: 20 row checkboxes hydrate as plain inputs).
 * `appearance: none` leaves a box we style; the tick and the dash are the Lucide Check and Minus
 * icons (URL-encoded SVG) as a mask on `::before`, painted in `currentColor`.
 */
type CheckboxProps = Omit<React.ComponentProps<"input">, "type" | "checked" | "defaultChecked" | "onChange"> & {
  /** `"indeterminate"`: some but not all (shown as a dash; exposed as aria-checked="mixed"). */
  checked?: boolean | "indeterminate";
  defaultChecked?: boolean;
  onCheckedChange?(checked: boolean): void;
  onChange?: React.ChangeEventHandler<HTMLInputElement>;
};

function Checkbox({ className, checked, defaultChecked, onCheckedChange, onChange, onKeyDown, ref, ...props }: CheckboxProps) {
  const inner = React.useRef<HTMLInputElement | null>(null);
  const indeterminate = checked === "indeterminate";
  // `indeterminate` is a property only (no attribute): set it after every render, since a click
  // clears it in the browser whatever the props say.
  React.useLayoutEffect(() => {
    if (inner.current) inner.current.indeterminate = indeterminate;
  });
  const setRef = React.useCallback(
    (el: HTMLInputElement | null) => {
      inner.current = el;
      if (typeof ref === "function") return ref(el);
      if (ref) ref.current = el;
    },
    [ref],
  );
  const state = indeterminate ? "indeterminate" : checked === undefined ? undefined : checked ? "checked" : "unchecked";
  return (
    <input
      type="checkbox"
      ref={setRef}
      data-slot="checkbox"
      data-state={state}
      checked={checked === undefined ? undefined : checked === true}
      defaultChecked={defaultChecked}
      onChange={(e) => {
        onChange?.(e);
        onCheckedChange?.(e.currentTarget.checked);
        // Controlled: React puts `checked` back if the owner keeps it; do the same for the dash.
        e.currentTarget.indeterminate = indeterminate;
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        // Like a button checkbox: Enter does not toggle it, nor submit the form around it.
        if (e.key === "Enter") e.preventDefault();
      }}
      className={cn(
        "peer inline-grid size-4 shrink-0 appearance-none place-content-center rounded-[4px] border border-input bg-transparent shadow-xs transition-shadow outline-none",
        "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
        "checked:border-primary checked:bg-primary checked:text-primary-foreground",
        "indeterminate:border-primary indeterminate:bg-primary indeterminate:text-primary-foreground",
        "before:size-3.5 before:bg-current before:content-[''] before:[mask-position:center] before:[mask-repeat:no-repeat] before:[mask-size:contain]",
        "before:hidden checked:before:block indeterminate:before:block",
        "checked:before:[mask-image:url(data:image/svg+xml,%3Csvg%20xmlns=%27http://www.w3.org/2000/svg%27%20viewBox=%270%200%2024%2024%27%20fill=%27none%27%20stroke=%27black%27%20stroke-width=%272%27%20stroke-linecap=%27round%27%20stroke-linejoin=%27round%27%3E%3Cpath%20d=%27M20%206%209%2017l-5-5%27/%3E%3C/svg%3E)]",
        "indeterminate:before:[mask-image:url(data:image/svg+xml,%3Csvg%20xmlns=%27http://www.w3.org/2000/svg%27%20viewBox=%270%200%2024%2024%27%20fill=%27none%27%20stroke=%27black%27%20stroke-width=%272%27%20stroke-linecap=%27round%27%20stroke-linejoin=%27round%27%3E%3Cpath%20d=%27M5%2012h14%27/%3E%3C/svg%3E)]",
        "aria-invalid:border-destructive disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}

export { Checkbox };
