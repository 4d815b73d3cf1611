import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { ApiKeyStatus } from "@/lib/api-keys/api-key-dto";

const STATUS_VARIANT: Record<ApiKeyStatus, BadgeProps["variant"]> = {
  active: "success",
  expiring: "warning",
  expired: "muted",
  revoked: "destructive",
};

const STATUS_LABEL: Record<ApiKeyStatus, string> = {
  active: "Active",
  expiring: "Expiring",
  expired: "Expired",
  revoked: "Revoked",
};

/** A key's status as a pill: "Active", "Expiring" (within 7 days, or rolled), "Expired", "Revoked". */
export function KeyStatusBadge({ status }: { status: ApiKeyStatus }) {
  return (
    <Badge variant={STATUS_VARIANT[status] ?? "secondary"} className="gap-1.5" data-status={status}>
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {STATUS_LABEL[status] ?? status}
    </Badge>
  );
}

/** "Sandbox" / "Production". */
export function KeyEnvironmentBadge({ environment }: { environment: "sandbox" | "production" }) {
  return (
    <Badge variant={environment === "production" ? "info" : "outline"} data-environment={environment}>
      {environment === "production" ? "Production" : "Sandbox"}
    </Badge>
  );
}
