/**
 * How a payment link reads at a moment (pure; the list, the detail page and the checkout agree):
 * deactivated beats expired beats used up. A limited link is used up once its successful
 * payments reach maxUses (a single-use link: one).
 */
import type { LinkUsage } from "./link-options";
import { LINK_DEACTIVATED, LINK_EXPIRED, LINK_USED_UP } from "./link-options";

export const LINK_STATUSES = ["active", "expired", "deactivated", "used_up"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];
export const LINK_STATUS_LABEL: Record<LinkStatus, string> = {
  active: "Active",
  expired: "Expired",
  deactivated: "Deactivated",
  used_up: "Used up",
};

export interface LinkStateFields {
  active: boolean;
  expiresAt: Date | null;
  usage: string;
  maxUses: number | null;
  currentUses: number;
}

/** How many successful payments the link allows (null: no limit). */
export function usageLimit(l: Pick<LinkStateFields, "usage" | "maxUses">): number | null {
  if ((l.usage as LinkUsage) === "SINGLE_USE") return 1;
  if ((l.usage as LinkUsage) === "MULTIPLE_USE") return l.maxUses ?? 1;
  return null;
}

export function linkStatus(l: LinkStateFields, now: Date = new Date()): LinkStatus {
  if (!l.active) return "deactivated";
  if (l.expiresAt && l.expiresAt.getTime() <= now.getTime()) return "expired";
  const limit = usageLimit(l);
  if (limit !== null && l.currentUses >= limit) return "used_up";
  return "active";
}

/** Why the checkout refuses a payment now (the reference's messages), or null. */
export function refusalOf(status: LinkStatus): string | null {
  switch (status) {
    case "deactivated":
      return LINK_DEACTIVATED;
    case "expired":
      return LINK_EXPIRED;
    case "used_up":
      return LINK_USED_UP;
    default:
      return null;
  }
}
