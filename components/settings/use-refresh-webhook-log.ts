"use client";

import { useCallback } from "react";
import { useRouter } from "next/navigation";
import { useScopeKey } from "@/components/shell/scope-context";
import { announceDataChanged } from "@/lib/client/data-changed";

/**
 * A delivery job usually runs within a second or two of being queued, but may wait for a busy
 * queue and then take up to its 10 s timeout: look again a few times over half a minute.
 */
const FOLLOW_UPS_MS = [1_000, 2_500, 4_000, 6_000, 9_000, 12_000, 16_000, 21_000, 30_000];

/**
 * Refreshes the webhook log (rendered on the server) and any open delivery (fetched by its sheet)
 * now, then a few times more: after "Send test event" or a resend, the new attempt appears once its
 * job has run.
 */
export function useRefreshWebhookLog(): () => void {
  const router = useRouter();
  const scopeKey = useScopeKey();
  return useCallback(() => {
    const refresh = () => {
      announceDataChanged({ scope: scopeKey, areas: ["webhooks"] });
      router.refresh();
    };
    refresh();
    for (const ms of FOLLOW_UPS_MS) window.setTimeout(refresh, ms);
  }, [router, scopeKey]);
}
