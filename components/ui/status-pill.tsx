import * as React from "react";

import { Badge, type BadgeProps } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

type StatusVariant =
  "success" | "destructive" | "warning" | "muted" | "secondary";

const SUCCESS = new Set([
  "SUCCESSFUL",
  "SUCCESS",
  "ACTIVE",
  "COMPLETED",
  "COMPLETE",
  "REFUNDED",
  "APPROVED",
  "PAID",
  "SETTLED",
  "CONFIRMED",
  "VERIFIED",
  "ENABLED",
]);
const DESTRUCTIVE = new Set([
  "FAILED",
  "DECLINED",
  "ERROR_OCCURRED",
  "PERMANENTLY_FAILED",
  "REFUND_FAILED",
  "TRANSACTION_RETRY_FAILED",
  "SUSPENDED",
  "DISABLED",
  "REJECTED",
  "ERROR",
  "BLOCKED",
]);
const WARNING = new Set([
  "PENDING",
  "INITIATED",
  "IN_PROGRESS",
  "PROCESSING",
  "RETRY",
  "RETRYING",
  "REFUND_PENDING",
  "REFUND_INITIATED",
  "INVITED",
  "NOT_INITIATED",
  "QUEUED",
  "SUBMITTED",
  "ON_HOLD",
  "AWAITING_CONFIRMATION",
  "REQUIRES_ACTION",
  "TRANSACTION_RETRY_INITIATED",
  "REVERSAL_PENDING",
]);
const MUTED = new Set([
  "CANCELLED",
  "CANCELED",
  "EXPIRED",
  "REVERSED",
  "INACTIVE",
  "ARCHIVED",
  "VOIDED",
]);

/** Map a transaction / wallet / user status string (any case) to a Badge variant. */
function statusVariant(status: string | null | undefined): StatusVariant {
  const s = (status ?? "")
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  if (!s) return "secondary";
  if (SUCCESS.has(s)) return "success";
  if (DESTRUCTIVE.has(s)) return "destructive";
  if (WARNING.has(s)) return "warning";
  if (MUTED.has(s)) return "muted";
  if (/FAIL|ERROR|DECLIN|REJECT/.test(s)) return "destructive";
  if (/PENDING|PROGRESS|PROCESS|RETRY|INITIAT|WAIT/.test(s)) return "warning";
  return "secondary";
}

type StatusPillProps = Omit<BadgeProps, "variant" | "children"> & {
  status: string | null | undefined;
};

/** Status badge; shows the status text exactly as given (e.g. "SUCCESSFUL"). */
function StatusPill({ status, className, ...props }: StatusPillProps) {
  const variant = statusVariant(status);
  return (
    <Badge
      variant={variant}
      data-status={status ?? undefined}
      className={cn("ui-status-pill", className)}
      {...props}
    >
      <span aria-hidden="true" className="ui-status-pill-dot" />
      {status || "—"}
    </Badge>
  );
}

export { StatusPill, statusVariant, type StatusVariant };
