"use client";

import { useCallback } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useScopeKey } from "@/components/shell/scope-context";
import { apiKeysQueryKeys } from "./api-keys-query";

/** Refetches every API-key list of this environment (after generate, roll, revoke or a permissions change). */
export function useRefreshApiKeys(): () => void {
  const queryClient = useQueryClient();
  const scopeKey = useScopeKey();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: apiKeysQueryKeys.all(scopeKey) }), [queryClient, scopeKey]);
}

export const OFFLINE = "Could not reach the server. Check your connection and try again.";
