"use client";

import * as React from "react";
import dynamic from "next/dynamic";
import { useTheme } from "next-themes";
import type { ExternalToast, ToasterProps } from "sonner";

/*
 * sonner (~10 kB gzip) is loaded after hydration instead of with every page: the Toaster is a
 * client-only dynamic component, and `toast.*` imports sonner on its first call. Toasts wait until
 * the Toaster has mounted (sonner drops toasts published before its Toaster subscribes).
 */
let markMounted: () => void = () => {};
const mounted = new Promise<void>((resolve) => (markMounted = resolve));

const LazySonner = dynamic(
  async () => {
    const { Toaster: Sonner } = await import("sonner");
    function MountedSonner(props: ToasterProps) {
      // Parent effects run after the child's, so Sonner has subscribed by now.
      React.useEffect(() => markMounted(), []);
      return <Sonner {...props} />;
    }
    return MountedSonner;
  },
  { ssr: false },
);

const TOP_OFFSET = 64;

function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();
  return (
    <LazySonner
      theme={(resolvedTheme as ToasterProps["theme"]) ?? "dark"}
      richColors
      closeButton
      position="top-right"
      // Below the 56 px top bar, so a toast never covers its controls (theme, user menu, selectors).
      offset={{ top: TOP_OFFSET }}
      mobileOffset={{ top: TOP_OFFSET }}
      className="toaster group"
      {...props}
    />
  );
}

type Kind = "success" | "error" | "warning" | "info";

function show(kind: Kind) {
  return (message: React.ReactNode, data?: ExternalToast): void => {
    void mounted.then(() => import("sonner")).then(({ toast: sonner }) => sonner[kind](message, data));
  };
}

const toast = { success: show("success"), error: show("error"), warning: show("warning"), info: show("info") };

export { Toaster, toast };
