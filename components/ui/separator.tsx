"use client";

import * as React from "react";
import { Separator as SeparatorPrimitive } from "radix-ui";

import { cn } from "@/lib/utils";

function Separator({
  className,
  orientation = "horizontal",
  decorative = true,
  ...props
}: React.ComponentProps<typeof SeparatorPrimitive.Root>) {
  return (
    <SeparatorPrimitive.Root
      data-slot="separator"
      decorative={decorative}
      orientation={orientation}
      className={cn(
        "ui-separator",
        // A utility, not in .ui-separator: it still wins over a caller's height (the faceted
        // filter's `h-4`), as it did when tailwind-merge kept both.
        "data-[orientation=vertical]:h-full",
        className,
      )}
      {...props}
    />
  );
}

export { Separator };
