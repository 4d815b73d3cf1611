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
        "ui-scroll-area",
        orientation === "vertical" && "ui-scroll-area-vertical",
        orientation === "horizontal" && "ui-scroll-area-horizontal",
        orientation === "both" && "ui-scroll-area-both",
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
