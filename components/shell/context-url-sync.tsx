"use client";

import { useEffect } from "react";
import { parseAsString, useQueryStates } from "nuqs";
import { X } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { COUNTRIES } from "@/lib/markets";
import { marketKey } from "@/lib/markets";
import { CONTEXT_REFUSED_PARAM, ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { useScope } from "./scope-context";

const contextParams = {
  [MARKET_PARAM]: parseAsString,
  [ENV_PARAM]: parseAsString,
  [CONTEXT_REFUSED_PARAM]: parseAsString,
};

/**
 * Keeps the market and environment in the address bar (`?m=KE-KES&env=sandbox`), so whatever
 * a member copies opens the same view for a teammate (lib/context-url.ts), and says so when a
 * link's context could not be opened (the switch route refused it and kept the current one).
 */
export function ContextUrlSync() {
  const scope = useScope();
  const [query, setQuery] = useQueryStates(contextParams, { history: "replace", shallow: true, scroll: false });
  const key = marketKey(scope.market);

  useEffect(() => {
    if (query[MARKET_PARAM] !== key || query[ENV_PARAM] !== scope.environment) {
      void setQuery({ [MARKET_PARAM]: key, [ENV_PARAM]: scope.environment });
    }
  }, [query, key, scope.environment, setQuery]);

  const refused = query[CONTEXT_REFUSED_PARAM];
  if (!refused) return null;
  const current = `${COUNTRIES[scope.market.country]?.name ?? scope.market.country} / ${scope.market.currency}, ${scope.environment === "production" ? "Production" : "Sandbox"}`;
  return (
    <Alert variant="warning" role="status" className="mb-4 pr-12">
      <AlertTitle>This link is for a market or environment you can’t open</AlertTitle>
      <AlertDescription>
        {refused.slice(0, 200)} You are still viewing {current}.
      </AlertDescription>
      <Button
        variant="ghost"
        size="icon"
        className="absolute right-2 top-2 size-7"
        aria-label="Dismiss"
        onClick={() => void setQuery({ [CONTEXT_REFUSED_PARAM]: null })}
      >
        <X aria-hidden />
      </Button>
    </Alert>
  );
}
