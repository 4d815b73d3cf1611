"use client";

import { useCallback, useEffect } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useList } from "./list-context";

/** The page again from the server (after a change, or asked for), the list's rows dimmed until it arrives. */
export function useListRefresh(): () => void {
  const router = useRouter();
  const { startTransition } = useList();
  return useCallback(() => startTransition(() => router.refresh()), [router, startTransition]);
}

/** "Refresh": the page again from the server (rows, counters), the rows on screen dimmed meanwhile. */
export function ListRefreshButton() {
  const refresh = useListRefresh();
  const { pending } = useList();
  return (
    <Button variant="outline" onClick={refresh} disabled={pending}>
      <RefreshCw className={pending ? "animate-spin" : undefined} aria-hidden /> Refresh
    </Button>
  );
}

/**
 * While the page shows something that may still change by itself (a transaction the network has
 * not answered yet), asks the server for the page again every `intervalMs`, while the tab is visible.
 * Quietly: outside the list's transition, so the rows do not dim for a background refresh.
 */
export function LiveRefresh({ active, intervalMs }: { active: boolean; intervalMs: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
