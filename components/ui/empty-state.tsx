import * as React from "react";
import { InboxIcon } from "lucide-react";

import { cn } from "@/lib/utils";

type EmptyStateProps = Omit<React.ComponentProps<"div">, "title"> & {
  icon?: React.ReactNode;
  title?: React.ReactNode;
  description?: React.ReactNode;
  action?: React.ReactNode;
};

function EmptyState({
  className,
  icon,
  title = "No data found",
  description = "No records match your criteria",
  action,
  children,
  ...props
}: EmptyStateProps) {
  return (
    <div
      data-slot="empty-state"
      className={cn("ui-empty-state", className)}
      {...props}
    >
      <div aria-hidden="true" className="ui-empty-state-icon">
        {icon ?? <InboxIcon />}
      </div>
      <p className="ui-empty-state-title">{title}</p>
      {description ? (
        <p className="ui-empty-state-description">{description}</p>
      ) : null}
      {action ? <div className="ui-empty-state-action">{action}</div> : null}
      {children}
    </div>
  );
}

export { EmptyState, type EmptyStateProps };
