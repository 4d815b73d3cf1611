import { Badge, type BadgeProps } from "@/components/ui/badge";
import { LINK_STATUS_LABEL, type LinkStatus } from "@/lib/payment-links/link-status";

const STATUS_VARIANT: Record<LinkStatus, BadgeProps["variant"]> = {
  active: "success",
  expired: "muted",
  deactivated: "destructive",
  used_up: "warning",
};

/** A link's status as a pill ("Active", "Expired", "Deactivated", "Used up"): the list and the link's page. */
export function LinkStatusBadge({ status }: { status: LinkStatus }) {
  return (
    <Badge variant={STATUS_VARIANT[status] ?? "secondary"} className="gap-1.5" data-status={status}>
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {LINK_STATUS_LABEL[status] ?? status}
    </Badge>
  );
}
