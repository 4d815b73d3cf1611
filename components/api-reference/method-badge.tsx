import { Badge, type BadgeProps } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import type { HttpMethod } from "@/lib/api-v3/reference-view";

const METHOD_VARIANT: Record<HttpMethod, BadgeProps["variant"]> = {
  GET: "info",
  POST: "success",
  PUT: "warning",
  PATCH: "warning",
  DELETE: "destructive",
};

/** The HTTP method as a mono pill: GET blue, POST green, PATCH/PUT amber, DELETE red. */
export function MethodBadge({ method, className }: { method: HttpMethod; className?: string }) {
  return (
    <Badge
      variant={METHOD_VARIANT[method] ?? "outline"}
      data-method={method}
      className={cn("min-w-[3.25rem] rounded-md font-mono text-[0.7rem] font-semibold tracking-wide", className)}
    >
      {method}
    </Badge>
  );
}
