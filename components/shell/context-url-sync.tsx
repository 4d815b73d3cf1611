"use client";

import { useEffect } from "react";
import { useSearchParams } from "next/navigation";
import { X } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { COUNTRIES, marketKey } from "@/lib/markets";
import { CONTEXT_REFUSED_PARAM, ENV_PARAM, MARKET_PARAM, withContext } from "@/lib/context-url";
import { useScope } from "./scope-context";

/** The address bar's URL changed in place (Next keeps useSearchParams in step with native replaceState). */
function replaceUrl(url: URL) {
  window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
}

/**
 * Keeps the market and environment in the address bar (`?m=KE-KES&env=sandbox`), so whatever
 * a member copies opens the same view for a teammate (lib/context-url.ts), and says so when a
 * link's context could not be opened (the switch route refused it and kept the current one).
 *
 * The URL is written with a native `history.replaceState` in the effect itself, not through a
 * queued (throttled) URL-state update: React runs pending effects before it handles the next
 * click, so the write can never land after a navigation the member has started and undo it.
 */
export function ContextUrlSync() {
  const scope = useScope();
  const params = useSearchParams();
  const key = marketKey(scope.market);
  const m = params.get(MARKET_PARAM);
  const env = params.get(ENV_PARAM);

  useEffect(() => {
    if (m !== key || env !== scope.environment) {
      replaceUrl(withContext(new URL(window.location.href), { environment: scope.environment, market: scope.market }));
    }
  }, [m, env, key, scope.environment, scope.market]);

  const refused = params.get(CONTEXT_REFUSED_PARAM);
  if (!refused) return null;
  const dismiss = () => {
    const url = new URL(window.location.href);
    url.searchParams.delete(CONTEXT_REFUSED_PARAM);
    replaceUrl(url);
  };
  const current = `${COUNTRIES[scope.market.country]?.name ?? scope.market.country} / ${scope.market.currency}, ${scope.environment === "production" ? "Production" : "Sandbox"}`;
  return (
    <Alert variant="warning" role="status" className="mb-4 pr-12">
      <AlertTitle>This link is for a market or environment you can’t open</AlertTitle>
      <AlertDescription>
        {refused.slice(0, 200)} You are still viewing {current}.
      </AlertDescription>
      <Button variant="ghost" size="icon" className="absolute right-2 top-2 size-7" aria-label="Dismiss" onClick={dismiss}>
        <X aria-hidden />
      </Button>
    </Alert>
  );
}
