"use client";

import { createContext, useCallback, useContext, useMemo } from "react";
import { useRouter } from "next/navigation";
import { announceDataChanged } from "@/lib/client/data-changed";
import type { Permission } from "@/lib/auth/permissions";
import type { Market } from "@/lib/markets";

/** What the client may know of the server-resolved scope (never used for authorisation). */
export interface ClientScope {
  organization: string;
  name: string;
  email: string;
  role: string;
  permissions: Permission[];
  environment: "sandbox" | "production";
  market: Market;
  markets: Market[];
  productionEnabled: boolean;
  timezone: string;
}

const ScopeContext = createContext<ClientScope | null>(null);

export function ScopeProvider({ scope, children }: { scope: ClientScope; children: React.ReactNode }) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

export function useScope(): ClientScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error("useScope outside the dashboard shell");
  return scope;
}

export function useCan(permission: Permission): boolean {
  return useScope().permissions.includes(permission);
}

/**
 * Every React Query key starts with this, so switching market or environment refetches
 * everything and never shows the previous market's rows from cache.
 */
export function useScopeKey(): readonly [string, string, string] {
  const { environment, market } = useScope();
  return useMemo(() => [environment, market.country, market.currency] as const, [environment, market.country, market.currency]);
}

/**
 * After a mutation that may change anything of the selected market and environment: the page
 * again from the server (its lists are rendered there) and every query of the scope refetched.
 */
export function useRefreshScope(): () => void {
  const router = useRouter();
  const scopeKey = useScopeKey();
  return useCallback(() => {
    announceDataChanged({ scope: scopeKey });
    router.refresh();
  }, [router, scopeKey]);
}
