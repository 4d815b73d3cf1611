"use client";

import * as React from "react";
import { CheckIcon, CopyIcon } from "lucide-react";

import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** The clipboard, or the legacy copy command where it is unavailable (an insecure context). True when copied. */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the legacy path (e.g. permission denied / insecure context)
    }
  }
  const el = document.createElement("textarea");
  el.value = text;
  el.setAttribute("readonly", "");
  el.style.position = "fixed";
  el.style.opacity = "0";
  document.body.appendChild(el);
  el.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    el.remove();
  }
}

type CopyButtonProps = Omit<ButtonProps, "value" | "children" | "asChild"> & {
  value: string;
  /** What is being copied, used in the accessible name: `Copy ${label}`. */
  label?: string;
};

function CopyButton({
  value,
  label = "value",
  className,
  variant = "ghost",
  size = "icon",
  onClick,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = React.useState(false);

  React.useEffect(() => {
    if (!copied) return;
    const t = window.setTimeout(() => setCopied(false), 1500);
    return () => window.clearTimeout(t);
  }, [copied]);

  return (
    <>
      <Button
        data-slot="copy-button"
        data-copied={copied || undefined}
        variant={variant}
        size={size}
        aria-label={`Copy ${label}`}
        title={copied ? "Copied" : `Copy ${label}`}
        className={cn(size === "icon" && "ui-copy-button-icon", className)}
        onClick={async (e) => {
          onClick?.(e);
          if (e.defaultPrevented) return;
          setCopied(await copyText(value));
        }}
        {...props}
      >
        {copied ? (
          <CheckIcon aria-hidden="true" className="ui-copy-button-copied" />
        ) : (
          <CopyIcon aria-hidden="true" />
        )}
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied ? `${label} copied` : ""}
      </span>
    </>
  );
}

export { CopyButton, type CopyButtonProps };
