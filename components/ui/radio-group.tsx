"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/*
 * Native radios in a role="radiogroup" (no Radix: a radio group is always visible, so Radix's code,
 * its roving focus and collection would cost first-load JS and hydration for nothing). The browser
 * gives the keyboard behaviour Radix imitated: Tab reaches the checked radio (the first when none
 * is), the arrow keys move and check, disabled radios are skipped. `appearance: none` leaves a
 * circle we style; the dot is the Lucide Circle icon (URL-encoded SVG) as a mask on `::before`.
 */
interface RadioGroupContextValue {
  name: string;
  value: string | undefined;
  disabled: boolean;
  required: boolean;
  select(value: string): void;
}

const RadioGroupContext = React.createContext<RadioGroupContextValue | null>(null);

type RadioGroupProps = Omit<React.ComponentProps<"div">, "defaultValue" | "onChange" | "dir"> & {
  value?: string;
  defaultValue?: string;
  onValueChange?(value: string): void;
  disabled?: boolean;
  required?: boolean;
  /** The radios' form name (one of their own otherwise). */
  name?: string;
  orientation?: "horizontal" | "vertical";
  dir?: "ltr" | "rtl";
  /** Accepted for Radix's API: native radios always wrap around. */
  loop?: boolean;
};

function RadioGroup({
  className,
  value,
  defaultValue,
  onValueChange,
  disabled = false,
  required = false,
  name,
  orientation,
  loop: _loop,
  children,
  ...props
}: RadioGroupProps) {
  const ownName = React.useId();
  const [own, setOwn] = React.useState(defaultValue);
  const current = value !== undefined ? value : own;
  const context = React.useMemo<RadioGroupContextValue>(
    () => ({
      name: name ?? ownName,
      value: current,
      disabled,
      required,
      select(next) {
        if (value === undefined) setOwn(next);
        onValueChange?.(next);
      },
    }),
    [name, ownName, current, disabled, required, value, onValueChange],
  );
  return (
    <div
      role="radiogroup"
      aria-required={required || undefined}
      aria-orientation={orientation}
      data-slot="radio-group"
      data-disabled={disabled ? "" : undefined}
      className={cn("grid gap-3", className)}
      {...props}
    >
      <RadioGroupContext value={context}>{children}</RadioGroupContext>
    </div>
  );
}

type RadioGroupItemProps = Omit<React.ComponentProps<"input">, "type" | "value" | "checked" | "defaultChecked" | "name"> & {
  value: string;
};

const DOT =
  "before:[mask-image:url(data:image/svg+xml,%3Csvg%20xmlns=%27http://www.w3.org/2000/svg%27%20viewBox=%270%200%2024%2024%27%20fill=%27black%27%20stroke=%27black%27%20stroke-width=%272%27%3E%3Ccircle%20cx=%2712%27%20cy=%2712%27%20r=%2710%27/%3E%3C/svg%3E)]";

function RadioGroupItem({ className, value, disabled, onChange, onKeyDown, ...props }: RadioGroupItemProps) {
  const group = React.use(RadioGroupContext);
  if (!group) throw new Error("RadioGroupItem must be inside a RadioGroup");
  const checked = group.value === value;
  return (
    <input
      type="radio"
      name={group.name}
      value={value}
      checked={checked}
      disabled={group.disabled || disabled}
      required={group.required}
      data-slot="radio-group-item"
      data-state={checked ? "checked" : "unchecked"}
      data-disabled={group.disabled || disabled ? "" : undefined}
      onChange={(e) => {
        onChange?.(e);
        if (e.currentTarget.checked) group.select(value);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        // As with Radix's radios (WAI-ARIA): Enter does not check, nor submit the form around it.
        if (e.key === "Enter") e.preventDefault();
      }}
      className={cn(
        "peer inline-grid aspect-square size-4 shrink-0 appearance-none place-content-center rounded-full border border-input text-primary shadow-xs outline-none",
        "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
        "checked:border-primary aria-invalid:border-destructive disabled:cursor-not-allowed disabled:opacity-50",
        "before:hidden before:size-2 before:bg-current before:content-[''] before:[mask-position:center] before:[mask-repeat:no-repeat] before:[mask-size:contain] checked:before:block",
        DOT,
        className,
      )}
      {...props}
    />
  );
}

export { RadioGroup, RadioGroupItem };
