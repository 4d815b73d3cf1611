/**
 * The API Keys page's query keys and labels. Pure (no "use client"): the server page prefetches
 * under the same key the client hook reads.
 */
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import { PERMISSION_GROUPS } from "@/lib/auth/permissions";

/** The owner filter's value when the URL has none. */
export const ALL_OWNERS = "all";

/** The owner filter's trigger (its stand-in and the select loaded on first use share them). */
export const OWNER_SELECT_ID = "api-keys-owner";
export const OWNER_SELECT_CLASS = "min-w-40 max-w-72";

export const apiKeysQueryKeys = {
  all: (scopeKey: ScopeKey) => listQueryKey(scopeKey, "api-keys"),
  list: (scopeKey: ScopeKey, owner: string) => listQueryKey(scopeKey, "api-keys", "list", owner),
};

/** The route's URL for an owner filter ("all", "integrator" or a member's user id). */
export function apiKeysUrl(owner: string): string {
  return `/api/api-keys?${new URLSearchParams({ owner }).toString()}`;
}

const VERB_LABEL: Record<string, string> = { read: "read", manage: "manage", transfer: "transfer", approve: "approve" };

/** "collections.read" → "Collections read", from PERMISSION_GROUPS. */
export const PERMISSION_LABEL: Record<string, string> = Object.fromEntries(
  PERMISSION_GROUPS.flatMap((g) =>
    Object.entries(g.permissions).map(([verb, p]) => [p as string, `${g.area} ${VERB_LABEL[verb] ?? verb}`]),
  ),
);

export function permissionLabel(p: string): string {
  return PERMISSION_LABEL[p] ?? p;
}

/** The owner filter from the URL's `owner` (none or empty: all). Server page and client read it the same way. */
export function ownerFilterOf(value: string | string[] | null | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : ALL_OWNERS;
}
