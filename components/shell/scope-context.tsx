"use client";

import { createContext, useCallback, useContext, useMemo } from "react";
import { useQueryClient } from "@tanstack/react-query";
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

/** Refetches every query of the selected market and environment (after a mutation that may change any of them). */
export function useRefreshScope(): () => void {
  const queryClient = useQueryClient();
  const scopeKey = useScopeKey();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: scopeKey }), [queryClient, scopeKey]);
}
