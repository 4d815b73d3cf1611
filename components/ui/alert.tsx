import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";

// The look is in ui-controls.css.
const alertVariants = cva("ui-alert", {
  variants: {
    variant: {
      default: "ui-alert-default",
      destructive: "ui-alert-destructive",
      success: "ui-alert-success",
      warning: "ui-alert-warning",
      info: "ui-alert-info",
    },
  },
  defaultVariants: { variant: "default" },
});

/** Inline message. Defaults to role="status" (polite); pass role="alert" for urgent errors. */
function Alert({
  className,
  variant,
  role = "status",
  ...props
}: React.ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  return (
    <div
      data-slot="alert"
      role={role}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    />
  );
}

function AlertTitle({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-title"
      className={cn("ui-alert-title", className)}
      {...props}
    />
  );
}

function AlertDescription({
  className,
  ...props
}: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("ui-alert-description", className)}
      {...props}
    />
  );
}

export { Alert, AlertTitle, AlertDescription, alertVariants };
