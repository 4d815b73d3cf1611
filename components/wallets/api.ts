"use client";

import { fetchJson, listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import type { WalletsOverview } from "@/lib/wallets/types";

export function walletsKey(scopeKey: ScopeKey) {
  return listQueryKey(scopeKey, "wallets");
}

export const fetchWalletsOverview = () => fetchJson<WalletsOverview>("/api/wallets");
