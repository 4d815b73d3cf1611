import * as React from "react";
import { ChevronDown } from "lucide-react";

import { cn } from "@/lib/utils";
import { selectTriggerClass } from "./select-stand-in";

/**
 * A native `<select>` drawn like SelectTrigger (components/ui/select.tsx), for a select that is
 * always visible with a few options: no Radix, floating-ui or popup code with the page, and the
 * browser's own list (a combobox to assistive technology, as Radix's trigger is). `placeholder`
 * shows while the value is "" (a hidden, disabled first option).
 */
function NativeSelect({
  className,
  wrapperClassName,
  size = "default",
  placeholder,
  value,
  children,
  ...props
}: Omit<React.ComponentProps<"select">, "size" | "multiple"> & {
  size?: "sm" | "default";
  placeholder?: string;
  /** Classes of the box around the select and its chevron (its width, say: `w-full` for a full-width select). */
  wrapperClassName?: string;
}) {
  const empty = value === "" || value === undefined;
  return (
    <span data-slot="native-select-wrapper" className={cn("ui-native-select-wrapper", wrapperClassName)}>
      <select
        data-slot="native-select"
        data-size={size}
        data-placeholder={placeholder && empty ? "" : undefined}
        value={value}
        className={cn(selectTriggerClass, "ui-native-select", className)}
        {...props}
      >
        {placeholder !== undefined && (
          <option value="" disabled hidden>
            {placeholder}
          </option>
        )}
        {children}
      </select>
      <ChevronDown aria-hidden="true" className="ui-native-select-icon" />
    </span>
  );
}

export { NativeSelect };
