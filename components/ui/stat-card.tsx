import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";

const statCardVariants = cva(
  "flex flex-col gap-2 rounded-xl border border-l-4 bg-card p-5 text-card-foreground shadow-sm",
  {
    variants: {
      accent: {
        none: "border-l",
        green: "border-l-success",
        blue: "border-l-info",
        orange: "border-l-warning",
        violet: "border-l-primary",
        red: "border-l-destructive",
      },
    },
    defaultVariants: { accent: "violet" },
  },
);

const iconTint = {
  none: "bg-muted text-muted-foreground",
  green: "bg-success/15 text-success",
  blue: "bg-info/15 text-info",
  orange: "bg-warning/15 text-warning",
  violet: "bg-primary/15 text-primary dark:text-violet-300",
  red: "bg-destructive/15 text-destructive dark:text-red-300",
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
      <div className="flex items-start justify-between gap-3">
        <p className="text-sm font-medium text-muted-foreground">{title}</p>
        {icon ? (
          <span
            aria-hidden="true"
            className={cn(
              "flex size-8 shrink-0 items-center justify-center rounded-md [&_svg]:size-4",
              iconTint[accent ?? "violet"],
            )}
          >
            {icon}
          </span>
        ) : null}
      </div>
      <p className="text-2xl font-semibold tracking-tight tabular-nums">
        {value}
      </p>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </div>
  );
}

export { StatCard, statCardVariants, type StatCardProps };
