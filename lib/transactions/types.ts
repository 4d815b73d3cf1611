/**
 * What the transaction detail, stats and chart routes return (bigints arrive as decimal strings).
 * The list's row and response types are in list-contract.ts. Pure types.
 */
import type { TxRow } from "./list-contract";

export interface TxCounters {
  successful: number;
  failed: number;
  pending: number;
  total: number;
}

export interface TxStatsResponse {
  currency: string;
  counters: TxCounters;
  /** Sum of `amount` of successful transactions (minor units). */
  successAmount: string;
  /** Sum of `fee` of successful transactions. */
  successFees: string;
  /** successAmount / successful, rounded down (minor units); "0" when none. */
  averageAmount: string;
  /** successful / total × 100, one decimal; 0 when none. */
  successRate: number;
  /** Where the figures came from: the per-day aggregates, or the filtered rows. */
  source: "daily" | "rows";
}

export interface TxStatusEvent {
  id: number;
  status: string;
  note: string | null;
  createdAt: string;
}

export interface TxDelivery {
  id: string;
  event: string;
  url: string;
  status: string;
  attempt: number;
  responseStatus: number | null;
  /** Why the attempt failed without an HTTP answer (timeout, refused address…). */
  error: string | null;
  responseBody: string | null;
  durationMs: number | null;
  requestBody: unknown;
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface TxDetail extends TxRow {
  environment: string;
  customerId: string | null;
  walletId: string | null;
  provider: string | null;
  providerReference: string | null;
  telcoId: string | null;
  callbackUrl: string | null;
  callbackStatus: number | null;
  refundTxHash: string | null;
  paymentLinkId: string | null;
  bulkItemId: string | null;
  metadata: Record<string, unknown> | null;
  /** Who created it through the engine (dashboard | api | payment_link | bulk); null on seeded history. */
  origin: string | null;
  /** Engine transactions: who bore the fee (CUSTOMER | WALLET) and what the wallet paid (payout) or gained (collection). */
  feeBearer: string | null;
  walletAmount: string | null;
  description: string | null;
  history: TxStatusEvent[];
  deliveries: TxDelivery[];
}

export interface DailyPoint {
  day: string;
  collectionsSuccessful: number;
  collectionsFailed: number;
  payoutsSuccessful: number;
  payoutsFailed: number;
  collectionsAmount: string;
  payoutsAmount: string;
}

export interface DailyChartResponse {
  currency: string;
  days: DailyPoint[];
}
