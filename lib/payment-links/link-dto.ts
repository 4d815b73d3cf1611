import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { paymentLinks, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { linkStatus, type LinkStatus } from "./link-status";
import type { CustomerFields, LinkMethod } from "./schemas";
import { DEFAULT_CUSTOMER_FIELDS } from "./schemas";

export type PaymentLinkRecord = typeof paymentLinks.$inferSelect;

/** A payment link as the dashboard shows and edits it (JSON: money as strings of minor units). */
export interface PaymentLinkDto {
  id: string;
  shortCode: string;
  /** The checkout's path, `/l/{shortCode}` (the page prefixes its origin). */
  path: string;
  name: string;
  description: string | null;
  linkType: string;
  pricing: string;
  currency: string;
  country: string;
  amount: string | null;
  minAmount: string | null;
  maxAmount: string | null;
  packages: { label: string; amount: string }[];
  paymentMethods: LinkMethod[];
  usage: string;
  maxUses: number | null;
  /** Successful payments so far. */
  currentUses: number;
  customerFields: CustomerFields;
  callbackUrl: string | null;
  brandColor: string | null;
  hasLogo: boolean;
  expiresAt: string | null;
  active: boolean;
  status: LinkStatus;
  /** Payments started on it, successful ones, and what they brought (minor units of `currency`). */
  payments: number;
  successfulPayments: number;
  totalCollected: string;
  createdAt: string;
  updatedAt: string;
}

export interface LinkTotals {
  payments: number;
  successfulPayments: number;
  totalCollected: bigint;
}
const NO_TOTALS: LinkTotals = { payments: 0, successfulPayments: 0, totalCollected: 0n };

/** Per link of `ids`: its payments, the successful ones and their sum. One grouped query through transactions_payment_link_idx. */
export async function linkTotals(db: Db, scope: Scope, ids: readonly string[]): Promise<Map<string, LinkTotals>> {
  const out = new Map<string, LinkTotals>();
  if (!ids.length) return out;
  const ok = sql`${t.status} = 'SUCCESSFUL'`;
  const rows = await db
    .select({
      linkId: t.paymentLinkId,
      payments: sql<number>`count(*)::int`,
      successful: sql<number>`(count(*) filter (where ${ok}))::int`,
      collected: sql<string>`coalesce(sum(${t.amount}) filter (where ${ok}), 0)::text`,
    })
    .from(t)
    .where(and(inArray(t.paymentLinkId, [...ids]), inScope(t, scope), eq(t.kind, "collection")))
    .groupBy(t.paymentLinkId);
  for (const r of rows) {
    if (r.linkId) out.set(r.linkId, { payments: Number(r.payments), successfulPayments: Number(r.successful), totalCollected: BigInt(r.collected) });
  }
  return out;
}

export function toLinkDto(r: PaymentLinkRecord, totals: LinkTotals | undefined, now = new Date()): PaymentLinkDto {
  const tot = totals ?? NO_TOTALS;
  return {
    id: r.id,
    shortCode: r.shortCode,
    path: `/l/${r.shortCode}`,
    name: r.name,
    description: r.description,
    linkType: r.linkType,
    pricing: r.pricing,
    currency: r.currency,
    country: r.country,
    amount: r.amount?.toString() ?? null,
    minAmount: r.minAmount?.toString() ?? null,
    maxAmount: r.maxAmount?.toString() ?? null,
    packages: r.packages ?? [],
    paymentMethods: r.paymentMethods as LinkMethod[],
    usage: r.usage,
    maxUses: r.maxUses,
    currentUses: r.currentUses,
    customerFields: r.customerFields ?? DEFAULT_CUSTOMER_FIELDS,
    callbackUrl: r.callbackUrl,
    brandColor: r.brandColor,
    hasLogo: !!r.logoData,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    active: r.active,
    status: linkStatus(r, now),
    payments: tot.payments,
    successfulPayments: tot.successfulPayments,
    totalCollected: tot.totalCollected.toString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Links of the selected environment and market; another integrator's or market's id is not found. */
export function linkInScope(scope: Scope, id: string) {
  return and(inScope(paymentLinks, scope, { market: true }), eq(paymentLinks.id, id))!;
}
