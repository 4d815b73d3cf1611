/**
 * The command palette's "Find" contract: the query key, the result types, where each result opens
 * and the type of the params GET /api/search parses. Pure and free of zod: shared by the route, the
 * service and the palette. The params schema (zod) is search-contract-schema.ts, so zod stays on
 * the server.
 */
import type { z } from "zod";
import type { TransactionKind } from "@/lib/db/schema/enums";
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import type { searchQuerySchema } from "./search-contract-schema";

/** The palette searches once this many characters are typed (the service answers nothing below it). */
export const SEARCH_MIN_CHARS = 3;
/** Results per group. */
export const SEARCH_LIMITS = { transactions: 8, customers: 5, paymentLinks: 5 } as const;

export type SearchQuery = z.output<typeof searchQuerySchema>;

export interface TransactionHit {
  id: string;
  kind: TransactionKind;
  referenceId: string;
  status: string;
  /** Minor units of `currency`. */
  amount: string;
  currency: string;
  /** E.164. */
  phoneNumber: string | null;
  /** ISO-8601 UTC. */
  createdAt: string;
  href: string;
}

export interface CustomerHit {
  id: string;
  name: string | null;
  /** E.164. */
  phoneNumber: string | null;
  customerKey: string;
  href: string;
}

export interface PaymentLinkHit {
  id: string;
  name: string;
  shortCode: string;
  active: boolean;
  href: string;
}

/** Every group the member may read, in the selected environment and market (a group they may not read is empty). */
export interface SearchResults {
  q: string;
  transactions: TransactionHit[];
  customers: CustomerHit[];
  paymentLinks: PaymentLinkHit[];
}

/** The list page a transaction kind lives on. */
const KIND_LIST: Record<TransactionKind, string> = {
  collection: "/collections",
  payout: "/payouts",
  onramp: "/onramp",
  offramp: "/offramp",
};

/** A transaction's detail: its list page with the detail sheet open (`tx`, as a click on its row does). */
export function transactionHref(kind: TransactionKind, id: string): string {
  return `${KIND_LIST[kind]}?${new URLSearchParams({ tx: id })}`;
}

export const customerHref = (id: string) => `/customers/${encodeURIComponent(id)}`;
export const paymentLinkHref = (id: string) => `/payment-links/${encodeURIComponent(id)}`;

/** The palette's query string and key. */
export const searchUrl = (q: string) => `/api/search?${new URLSearchParams({ q })}`;
export const searchQueryKey = (scopeKey: ScopeKey, q: string) => listQueryKey(scopeKey, "search", q);
