/**
 * Wallet shapes shared by the server (services, routes) and the client (React Query data).
 * Money crosses the wire as strings of integer minor units (JSON has no bigint); the client
 * turns them back into bigint with `BigInt(…)` before any arithmetic.
 */
import type { WalletStatus } from "@/lib/db/schema/enums";

/** A bigint field as it arrives in JSON (toJson in lib/json.ts writes bigints as strings). */
export type MinorString = string;

export interface WalletDto {
  id: string;
  name: string;
  currency: string;
  country: string | null;
  status: WalletStatus;
  locked: boolean;
  isPrimary: boolean;
  depositBalance: MinorString;
  payoutBalance: MinorString;
  /** Ledger transactions that touched this wallet (collections, payouts, transfers…). */
  transactionCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface WalletsOverview {
  /** Every wallet of the integrator in the current environment (all currencies), primary first. */
  wallets: WalletDto[];
  /** The wallet the top-bar market selects (its currency, its country or country-less), or null. */
  selectedWalletId: string | null;
  /** Sums over the selected market's wallets (same currency, so they can be added). */
  summary: {
    currency: string;
    availableBalance: MinorString;
    depositBalance: MinorString;
    /** Active wallets in this environment, all currencies. */
    activeWallets: number;
    /** Distinct currencies among the active wallets. */
    currencies: string[];
  };
}

/** What a transfer returns, and what a replay with the same idempotency key returns verbatim. */
export interface TransferResult {
  message: string;
  ledgerTransactionId: string;
  walletId: string;
  currency: string;
  /** Minor units moved from the deposit balance to the payout (main) balance. */
  amount: MinorString;
  /** Balances right after the transfer. */
  depositBalance: MinorString;
  payoutBalance: MinorString;
  createdAt: string;
}

export interface LedgerEntryRow {
  /** Ledger transaction id. */
  id: string;
  createdAt: string;
  kind: string;
  reference: string | null;
  description: string | null;
  /** Signed change of the deposit balance in this transaction (0 when untouched). */
  depositDelta: MinorString;
  /** Signed change of the payout (main) balance. */
  payoutDelta: MinorString;
  depositBalanceAfter: MinorString | null;
  payoutBalanceAfter: MinorString | null;
}

export interface BalanceHistoryPage {
  wallet: { id: string; name: string; currency: string; country: string | null };
  rows: LedgerEntryRow[];
  page: number;
  pageSize: number;
  total: number;
}

export const LEDGER_KINDS = [
  "transfer",
  "collection",
  "payout",
  "payout_reversal",
  "offramp",
  "bulk_payment",
  "fee",
  "opening_balance",
  "adjustment",
] as const;

export const LEDGER_KIND_LABELS: Record<string, string> = {
  transfer: "Transfer",
  collection: "Collection",
  payout: "Payout",
  payout_reversal: "Payout reversal",
  offramp: "Offramp",
  bulk_payment: "Bulk payment",
  fee: "Fee",
  opening_balance: "Opening balance",
  adjustment: "Adjustment",
};
