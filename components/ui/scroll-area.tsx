import * as React from "react";

import { cn } from "@/lib/utils";

/** Lightweight scroll container (native scrollbars, styled thin). */
function ScrollArea({
  className,
  orientation = "vertical",
  ...props
}: React.ComponentProps<"div"> & {
  orientation?: "vertical" | "horizontal" | "both";
}) {
  return (
    <div
      data-slot="scroll-area"
      data-orientation={orientation}
      className={cn(
        "relative [scrollbar-color:var(--border)_transparent] [scrollbar-width:thin]",
        orientation === "vertical" && "overflow-x-hidden overflow-y-auto",
        orientation === "horizontal" && "overflow-x-auto overflow-y-hidden",
        orientation === "both" && "overflow-auto",
        className,
      )}
      {...props}
    />
  );
}

/** No-op kept for API compatibility with shadcn's ScrollArea (native scrollbars are used). */
function ScrollBar(props: {
  orientation?: "vertical" | "horizontal";
  className?: string;
}) {
  void props;
  return null;
}

export { ScrollArea, ScrollBar };
