import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";

// The look is in ui-controls.css.
const statCardVariants = cva("ui-stat-card", {
  variants: {
    accent: {
      none: "ui-stat-card-none",
      green: "ui-stat-card-green",
      blue: "ui-stat-card-blue",
      orange: "ui-stat-card-orange",
      violet: "ui-stat-card-violet",
      red: "ui-stat-card-red",
    },
  },
  defaultVariants: { accent: "violet" },
});

const iconTint = {
  none: "ui-stat-card-icon-none",
  green: "ui-stat-card-icon-green",
  blue: "ui-stat-card-icon-blue",
  orange: "ui-stat-card-icon-orange",
  violet: "ui-stat-card-icon-violet",
  red: "ui-stat-card-icon-red",
} as const;

type StatCardProps = Omit<React.ComponentProps<"div">, "title"> &
  VariantProps<typeof statCardVariants> & {
    title: React.ReactNode;
    value: React.ReactNode;
    hint?: React.ReactNode;
    icon?: React.ReactNode;
  };

function StatCard({
  className,
  accent,
  title,
  value,
  hint,
  icon,
  ...props
}: StatCardProps) {
  return (
    <div
      data-slot="stat-card"
      className={cn(statCardVariants({ accent }), className)}
      {...props}
    >
      <div className="ui-stat-card-header">
        <p className="ui-stat-card-title">{title}</p>
        {icon ? (
          <span
            aria-hidden="true"
            className={cn("ui-stat-card-icon", iconTint[accent ?? "violet"])}
          >
            {icon}
          </span>
        ) : null}
      </div>
      <p className="ui-stat-card-value">
        {value}
      </p>
      {hint ? <p className="ui-stat-card-hint">{hint}</p> : null}
    </div>
  );
}

export { StatCard, statCardVariants, type StatCardProps };
