import * as React from "react";
import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";

import { cn } from "@/lib/utils";

/*
 * The look is in ui-controls.css. Two kinds of rule stay utilities here, because callers rely on
 * them beating a utility of their own (as they did when tailwind-merge kept both): the padding
 * next to an icon (`has-[>svg]:px-*`: the date range's clear button passes `px-2`) and the ghost
 * button's hover text colour (the bulk upload's Cancel passes `text-destructive`).
 */
const buttonVariants = cva("ui-button", {
  variants: {
    variant: {
      default: "ui-button-default",
      primary: "ui-button-primary",
      secondary: "ui-button-secondary",
      outline: "ui-button-outline",
      ghost: "ui-button-ghost hover:text-accent-foreground",
      destructive: "ui-button-destructive",
      link: "ui-button-link",
    },
    size: {
      sm: "ui-button-sm has-[>svg]:px-2.5",
      default: "ui-button-md has-[>svg]:px-3",
      lg: "ui-button-lg has-[>svg]:px-4",
      icon: "ui-button-icon",
    },
  },
  defaultVariants: { variant: "default", size: "default" },
});

type ButtonProps = React.ComponentProps<"button"> &
  VariantProps<typeof buttonVariants> & { asChild?: boolean };

function Button({
  className,
  variant,
  size,
  asChild = false,
  type,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  return (
    <Comp
      data-slot="button"
      className={cn(buttonVariants({ variant, size, className }))}
      // Default to type="button" so buttons never submit forms by accident.
      {...(asChild ? {} : { type: type ?? "button" })}
      {...props}
    />
  );
}

export { Button, buttonVariants, type ButtonProps };
