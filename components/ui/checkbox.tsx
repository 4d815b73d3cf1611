"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/*
 * A native checkbox drawn like the design's (no Radix: 20 row checkboxes hydrate as plain inputs).
 * Its look is the `ui-checkbox` class in app/globals.css (one class per row, not ~1 kB of utilities).
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
      className={cn("peer ui-checkbox", className)}
      {...props}
    />
  );
}

export { Checkbox };
