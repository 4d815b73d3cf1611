import * as React from "react";
import { Loader2Icon } from "lucide-react";

import { cn } from "@/lib/utils";

/**
 * Spinning loader. With a `label` (default "Loading") it is announced as a status;
 * pass `label=""` for a purely decorative spinner (e.g. inside a button that has its own text).
 */
function Spinner({
  className,
  label = "Loading",
  ...props
}: React.ComponentProps<"svg"> & { label?: string }) {
  const icon = (
    <Loader2Icon
      data-slot="spinner"
      aria-hidden="true"
      className={cn("ui-spinner", className)}
      {...props}
    />
  );
  if (!label) return icon;
  return (
    <span role="status" className="ui-spinner-status">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}

export { Spinner };
