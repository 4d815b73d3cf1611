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

/**
 * The HTTP method as a mono pill: GET blue, POST green, PATCH/PUT amber, DELETE red. A `className`
 * replaces the default width and text size (classes are joined, not merged: one of each). The line
 * height stays the parent's: those sizes set the font size only, Badge's own `text-xs` both.
 */
export function MethodBadge({ method, className }: { method: HttpMethod; className?: string }) {
  return (
    <Badge
      variant={METHOD_VARIANT[method] ?? "outline"}
      data-method={method}
      className={cn("rounded-md font-mono font-semibold tracking-wide", className ?? "min-w-[3.25rem] text-[0.7rem]", "leading-[inherit]")}
    >
      {method}
    </Badge>
  );
}
