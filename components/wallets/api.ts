"use client";

import type { WalletsOverview } from "@/lib/wallets/types";

/** GET a JSON route; a non-2xx answer throws its `message`. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body as { message?: string } | null)?.message ?? `Request failed (${res.status})`);
  return body as T;
}

export function walletsKey(scopeKey: readonly [string, string, string]) {
  return [...scopeKey, "wallets"] as const;
}

export const fetchWalletsOverview = () => fetchJson<WalletsOverview>("/api/wallets");
