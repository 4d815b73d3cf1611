/**
 * What each transaction list is: its URL slug, database kind, permission, statuses, filters and
 * texts (domain reference §2.4–2.6, §2.11, §3.6–3.9). Pure data: shared by server and client.
 */
import type { Permission } from "@/lib/auth/permissions";
import type { TransactionKind } from "@/lib/db/schema/enums";

/** The four lists, plus "recent": every kind the user may read, for the home page. */
export const LIST_SLUGS = ["collections", "payouts", "onramp", "offramp", "recent"] as const;
export type ListSlug = (typeof LIST_SLUGS)[number];

export const DEPOSIT_STATUSES = [
  "PENDING", "INITIATED", "IN_PROGRESS", "PROCESSING", "RETRY", "NOT_INITIATED", "SUCCESSFUL", "SUCCESS", "FAILED",
  "EXPIRED", "CANCELLED", "DECLINED", "REVERSED", "DUPLICATE", "ERROR_OCCURRED", "REQUIRE_REVIEW", "PERMANENTLY_FAILED",
] as const;

export const WITHDRAWAL_STATUSES = [
  "NOT_INITIATED", "PENDING", "INITIATED", "IN_PROGRESS", "PROCESSING", "RETRY", "SUCCESSFUL", "SUCCESS", "FAILED",
  "CANCELLED", "REVERSED", "ERROR_OCCURRED", "DECLINED", "EXPIRED", "REQUIRE_REVIEW", "TRANSACTION_INITIATED",
  "TRANSACTION_RETRY", "TRANSACTION_RETRY_SUCCESSFUL", "TRANSACTION_RETRY_FAILED", "DUPLICATE_PENDING", "PERMANENTLY_FAILED",
  // Ours (lib/engine): a payout held for a second member's approval, its debit reserved.
  "AWAITING_APPROVAL",
] as const;

export const ONRAMP_STATUSES = [
  "PENDING", "INITIATED", "IN_PROGRESS", "PROCESSING", "PENDING_PROVIDER", "CRYPTO_PENDING", "SUCCESSFUL", "SUCCESS",
  "FAILED", "CANCELLED", "EXPIRED", "TIMEOUT", "REVERSED", "ERROR_OCCURRED",
] as const;

export const OFFRAMP_STATUSES = [
  "PENDING", "CRYPTO_RECEIVED", "IN_PROGRESS", "PROCESSING", "SUCCESSFUL", "SUCCESS", "FAILED", "REFUND_PENDING",
  "REFUNDED", "REFUND_FAILED", "CANCELLED", "TIMEOUT", "EXPIRED", "REVERSED", "ERROR_OCCURRED",
] as const;

export const REFUND_STATUSES = ["PENDING", "SUCCESSFUL", "FAILED", "INVOICE_NEEDED"] as const;

/** The dashboard "Type" column (transactions.channel). */
export const CHANNELS = ["MOBILE_MONEY", "BANK", "CARD", "PAYMENT_LINK", "LIPA_NA_MPESA", "PAYBILL", "BULK", "CRYPTO"] as const;
export const CHAINS_LIST = ["CELO", "ETHEREUM", "POLYGON", "TRON", "STELLAR", "BASE", "ARBITRUM"] as const;
export const TOKENS_LIST = ["USDT", "USDC", "CUSD", "CKES", "USDGLO"] as const;

export { statusGroup, type StatusGroup, KIND_LABEL } from "./kind-labels";

export type FilterKey = "status" | "network" | "method" | "chain" | "token" | "refund";

export interface KindConfig {
  slug: ListSlug;
  /** The database kinds this list shows. */
  kinds: readonly TransactionKind[];
  title: string;
  description: string;
  /** "All Collections" card heading and its hint. */
  tableTitle: string;
  tableDescription: string;
  searchPlaceholder: string;
  permission: Permission | null;
  statuses: readonly string[];
  /** Which multi-select filters the toolbar offers. */
  filters: readonly FilterKey[];
  /** Fiat + crypto columns (onramp/offramp). */
  crypto: boolean;
  /** Stat cards labels (collections / payouts only). */
  cards: { total: string; fees: string; feesHint: string; average: string } | null;
  exportName: string;
}

export const KIND_CONFIG: Record<ListSlug, KindConfig> = {
  collections: {
    slug: "collections",
    kinds: ["collection"],
    title: "Collections",
    description: "Money received from your customers",
    tableTitle: "All Collections",
    tableDescription: "Click on any transaction to view detailed information",
    searchPlaceholder: "Search collections by reference, phone, or amount...",
    permission: "collections.read",
    statuses: DEPOSIT_STATUSES,
    filters: ["status", "method", "network"],
    crypto: false,
    cards: { total: "Total Collections", fees: "Total Fees", feesHint: "Transaction costs", average: "Average Amount" },
    exportName: "collections",
  },
  payouts: {
    slug: "payouts",
    kinds: ["payout"],
    title: "Payouts",
    description: "Money sent to your customers and recipients",
    tableTitle: "All Payouts",
    tableDescription: "Click on any transaction to view detailed information and failure reasons",
    searchPlaceholder: "Search payouts by reference, phone, or amount...",
    permission: "payouts.read",
    statuses: WITHDRAWAL_STATUSES,
    filters: ["status", "method", "network"],
    crypto: false,
    cards: { total: "Total Payouts", fees: "Transaction Fees", feesHint: "Total fees paid", average: "Average Payout" },
    exportName: "payouts",
  },
  onramp: {
    slug: "onramp",
    kinds: ["onramp"],
    title: "Onramp Transactions",
    description: "Fiat to crypto: mobile money or bank in, stablecoins out",
    tableTitle: "All Onramp Transactions",
    tableDescription: "Click on any transaction to view detailed information",
    searchPlaceholder: "Search onramps by reference, phone, or amount...",
    permission: "onramp.read",
    statuses: ONRAMP_STATUSES,
    filters: ["status", "chain", "token"],
    crypto: true,
    cards: null,
    exportName: "onramp-transactions",
  },
  offramp: {
    slug: "offramp",
    kinds: ["offramp"],
    title: "Offramp Transactions",
    description: "Crypto to fiat: stablecoins in, mobile money or bank out",
    tableTitle: "All Offramp Transactions",
    tableDescription: "Click on any transaction to view detailed information, failure reasons and refunds",
    searchPlaceholder: "Search offramps by reference, phone, or amount...",
    permission: "offramp.read",
    statuses: OFFRAMP_STATUSES,
    filters: ["status", "chain", "token", "refund"],
    crypto: true,
    cards: null,
    exportName: "offramp-transactions",
  },
  recent: {
    slug: "recent",
    kinds: ["collection", "payout", "onramp", "offramp"],
    title: "Recent Transactions",
    description: "Latest activity across all your accounts",
    tableTitle: "Recent Transactions",
    tableDescription: "Latest activity across all your accounts",
    searchPlaceholder: "Search recent transactions...",
    permission: null,
    statuses: [...new Set<string>([...DEPOSIT_STATUSES, ...WITHDRAWAL_STATUSES, ...ONRAMP_STATUSES, ...OFFRAMP_STATUSES])].sort(),
    filters: ["status"],
    crypto: false,
    cards: null,
    exportName: "recent-transactions",
  },
};

export const KIND_PERMISSION: Record<TransactionKind, Permission> = {
  collection: "collections.read",
  payout: "payouts.read",
  onramp: "onramp.read",
  offramp: "offramp.read",
};

export function isListSlug(value: string): value is ListSlug {
  return (LIST_SLUGS as readonly string[]).includes(value);
}

/** Kinds of a list the permissions allow (for "recent": the readable subset; may be empty). */
export function readableKinds(slug: ListSlug, permissions: { has(p: Permission): boolean }): TransactionKind[] {
  return KIND_CONFIG[slug].kinds.filter((k) => permissions.has(KIND_PERMISSION[k]));
}

/** Values a multi-select filter may take, for a market's country. */
export function filterOptions(key: FilterKey, slug: ListSlug, networks: readonly string[]): readonly string[] {
  switch (key) {
    case "status":
      return KIND_CONFIG[slug].statuses;
    case "network":
      return networks;
    case "method":
      return CHANNELS;
    case "chain":
      return CHAINS_LIST;
    case "token":
      return TOKENS_LIST;
    case "refund":
      return REFUND_STATUSES;
  }
}

export const FILTER_LABEL: Record<FilterKey, string> = {
  status: "Status",
  network: "Network",
  method: "Type",
  chain: "Chain",
  token: "Token",
  refund: "Refund",
};
