/**
 * The lists that have saved views: a stable id per list, what reading it requires (a member saves
 * and sees views only of lists they may read), and which list a dashboard path shows. Pure: the
 * toolbar (client) and the services (server) both import it; the list's URL keys, which need the
 * contracts, are in view-keys.ts (server) and come from useListUrl on the client.
 */
import type { Permission } from "@/lib/auth/permissions";

export const SAVED_VIEW_LISTS = {
  collections: "collections.read",
  payouts: "payouts.read",
  onramp: "onramp.read",
  offramp: "offramp.read",
  customers: "customers.read",
  "customer-transactions": ["collections.read", "payouts.read"],
  "payment-links": "payment_links.read",
  "link-payments": "payment_links.read",
  "bulk-payments": "bulk_payments.read",
  "bulk-items": "bulk_payments.read",
  "balance-history": "wallets.read",
  users: "users.read",
  roles: ["users.read", "roles.manage"],
  audit: "audit.read",
  "webhook-deliveries": "settings.manage",
} as const satisfies Record<string, Permission | readonly Permission[]>;

export type SavedViewList = keyof typeof SAVED_VIEW_LISTS;
export const SAVED_VIEW_LIST_IDS = Object.keys(SAVED_VIEW_LISTS) as SavedViewList[];

export function isSavedViewList(value: string): value is SavedViewList {
  return Object.hasOwn(SAVED_VIEW_LISTS, value);
}

/** What reading the list requires: one permission, or any one of several. */
export function listReadRequirement(list: SavedViewList): Permission | readonly Permission[] {
  return SAVED_VIEW_LISTS[list];
}

export function canReadList(permissions: { has(p: Permission): boolean }, list: SavedViewList): boolean {
  const needed = SAVED_VIEW_LISTS[list];
  return typeof needed === "string" ? permissions.has(needed) : needed.some((p) => permissions.has(p));
}

/**
 * The list a dashboard path shows (the toolbar's default list id), or null: the home page's
 * Recent Transactions card is a preview, not a list with views.
 */
export function savedViewListOfPath(pathname: string): SavedViewList | null {
  const [section, detail, more] = pathname.split("/").filter(Boolean);
  if (!section || more) return null;
  const DETAIL: Record<string, SavedViewList> = {
    customers: "customer-transactions",
    "payment-links": "link-payments",
    "bulk-payments": "bulk-items",
    wallets: "balance-history",
  };
  if (detail) return DETAIL[section] ?? null;
  if (section === "settings") return "webhook-deliveries";
  return isSavedViewList(section) && !DETAIL_ONLY.has(section) ? section : null;
}

/** Ids that name a detail page's list, never a section. */
const DETAIL_ONLY = new Set<string>(["customer-transactions", "link-payments", "bulk-items", "balance-history", "webhook-deliveries"]);

/**
 * The URL keys a view holds: the list's filters (search included), its sort, page size and columns
 * (`hide`, `show`); never paging (`page`, `cursor`), an open detail (`tx`…) or the context (`m`, `env`).
 */
export function viewKeysOf(parsers: object, filterKeys: readonly string[]): string[] {
  return [...new Set([...filterKeys, "sort", "size", "hide", "show"])].filter((k) => Object.hasOwn(parsers, k));
}

/** A saved view as the route and actions answer. */
export interface SavedViewDto {
  id: string;
  list: SavedViewList;
  name: string;
  /** The list's URL keys as a query string ("status=FAILED,PENDING&sort=amount.desc"). */
  params: string;
  visibility: "private" | "shared";
  createdBy: { id: string; name: string };
  /** The member's own view (they may rename, change, share or delete it). */
  mine: boolean;
  /** The member's default view of this list. */
  isDefault: boolean;
  /** The member may delete it (theirs, or a shared one and they manage the team). */
  canDelete: boolean;
  updatedAt: string;
}
