"use client";

import { useCallback } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useScopeKey } from "@/components/shell/scope-context";
import { deliveriesQueryKeys } from "@/lib/webhooks/deliveries-contract";

/**
 * A delivery job usually runs within a second or two of being queued, but may wait for a busy
 * queue and then take up to its 10 s timeout: look again a few times over half a minute.
 */
const FOLLOW_UPS_MS = [1_000, 2_500, 4_000, 6_000, 9_000, 12_000, 16_000, 21_000, 30_000];

/**
 * Refreshes the webhook log and any open delivery now, then a few times more: after "Send test
 * event" or a resend, the new attempt appears once its job has run.
 */
export function useRefreshWebhookLog(): () => void {
  const queryClient = useQueryClient();
  const scopeKey = useScopeKey();
  return useCallback(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: deliveriesQueryKeys.all(scopeKey) });
    refresh();
    for (const ms of FOLLOW_UPS_MS) window.setTimeout(refresh, ms);
  }, [queryClient, scopeKey]);
}
