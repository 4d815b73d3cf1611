/**
 * Each list's URL parser map and filter keys (its contract's, the ones its table is driven with):
 * what a saved view of the list may hold, and how each value is checked on save. Server-side only
 * by use (it imports every list contract); the client gets the same keys from useListUrl.
 */
import type { ParserMap } from "nuqs/server";
import { FILTER_PARAMS, txSearchParams } from "@/lib/transactions/list-contract";
import { CUSTOMER_FILTER_KEYS, customersSearchParams } from "@/lib/customers/customers-contract";
import { CUSTOMER_TX_FILTER_KEYS, customerTransactionsSearchParams } from "@/lib/customers/customer-transactions-contract";
import { PAYMENT_LINK_FILTER_KEYS, paymentLinksSearchParams } from "@/lib/payment-links/payment-links-contract";
import { LINK_PAYMENT_FILTER_KEYS, linkPaymentsSearchParams } from "@/lib/payment-links/link-payments-contract";
import { BULK_UPLOAD_FILTER_KEYS, bulkUploadsSearchParams } from "@/lib/bulk-payments/uploads-contract";
import { BULK_ITEM_FILTER_KEYS, batchItemsSearchParams } from "@/lib/bulk-payments/items-contract";
import { HISTORY_FILTER_KEYS, balanceHistorySearchParams } from "@/lib/wallets/balance-history-contract";
import { MEMBER_FILTER_KEYS, membersSearchParams } from "@/lib/team/members-contract";
import { ROLE_FILTER_KEYS, rolesSearchParams } from "@/lib/team/roles-contract";
import { AUDIT_FILTER_KEYS, auditSearchParams } from "@/lib/audit/list-contract";
import { DELIVERY_FILTER_KEYS, deliveriesSearchParams } from "@/lib/webhooks/deliveries-contract";
import { viewKeysOf, type SavedViewList } from "./lists";

const transactions = { parsers: txSearchParams, filterKeys: FILTER_PARAMS };

const CONTRACTS: Record<SavedViewList, { parsers: ParserMap; filterKeys: readonly string[] }> = {
  collections: transactions,
  payouts: transactions,
  onramp: transactions,
  offramp: transactions,
  customers: { parsers: customersSearchParams, filterKeys: CUSTOMER_FILTER_KEYS },
  "customer-transactions": { parsers: customerTransactionsSearchParams, filterKeys: CUSTOMER_TX_FILTER_KEYS },
  "payment-links": { parsers: paymentLinksSearchParams, filterKeys: PAYMENT_LINK_FILTER_KEYS },
  "link-payments": { parsers: linkPaymentsSearchParams, filterKeys: LINK_PAYMENT_FILTER_KEYS },
  "bulk-payments": { parsers: bulkUploadsSearchParams, filterKeys: BULK_UPLOAD_FILTER_KEYS },
  "bulk-items": { parsers: batchItemsSearchParams, filterKeys: BULK_ITEM_FILTER_KEYS },
  "balance-history": { parsers: balanceHistorySearchParams, filterKeys: HISTORY_FILTER_KEYS },
  users: { parsers: membersSearchParams, filterKeys: MEMBER_FILTER_KEYS },
  roles: { parsers: rolesSearchParams, filterKeys: ROLE_FILTER_KEYS },
  audit: { parsers: auditSearchParams, filterKeys: AUDIT_FILTER_KEYS },
  "webhook-deliveries": { parsers: deliveriesSearchParams, filterKeys: DELIVERY_FILTER_KEYS },
};

/** The list's view keys, each with its URL parser. */
export function viewParsersOf(list: SavedViewList): Map<string, ParserMap[string]> {
  const { parsers, filterKeys } = CONTRACTS[list];
  return new Map(viewKeysOf(parsers, filterKeys).map((k) => [k, parsers[k]!]));
}
