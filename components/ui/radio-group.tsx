"use client";

import * as React from "react";

import { cn } from "@/lib/utils";

/*
 * Native radios in a role="radiogroup" (no Radix: a radio group is always visible, so Radix's code,
 * its roving focus and collection would cost first-load JS and hydration for nothing). The browser
 * gives the keyboard behaviour Radix imitated: Tab reaches the checked radio (the first when none
 * is), the arrow keys move and check, disabled radios are skipped. `appearance: none` leaves a
 * circle we style (.ui-radio-group-item in ui-controls.css); the dot is the Lucide Circle icon
 * (URL-encoded SVG) as a mask on `::before`.
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
      className={cn("ui-radio-group", className)}
      {...props}
    >
      <RadioGroupContext value={context}>{children}</RadioGroupContext>
    </div>
  );
}

type RadioGroupItemProps = Omit<React.ComponentProps<"input">, "type" | "value" | "checked" | "defaultChecked" | "name"> & {
  value: string;
};

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
      className={cn("peer ui-radio-group-item", className)}
      {...props}
    />
  );
}

export { RadioGroup, RadioGroupItem };
