/** What the transaction JSON routes return (bigints arrive as decimal strings). Pure types. */
import type { TransactionKind } from "@/lib/db/schema/enums";

export interface TxRow {
  id: string;
  kind: TransactionKind;
  channel: string;
  referenceId: string;
  referenceNumber: number;
  status: string;
  country: string;
  currency: string;
  network: string | null;
  phoneNumber: string | null;
  /** Minor units of `currency`. */
  amount: string;
  transactionAmount: string;
  fee: string;
  errorCode: string | null;
  errorMessage: string | null;
  chain: string | null;
  token: string | null;
  /** Base units of `token`. */
  cryptoAmount: string | null;
  cryptoAddress: string | null;
  txHash: string | null;
  depositStatus: string | null;
  onchainStatus: string | null;
  refundStatus: string | null;
  /** ISO-8601 UTC. */
  createdAt: string;
  completedAt: string | null;
  updatedAt: string;
}

export interface TxListResponse {
  rows: TxRow[];
  page: number;
  size: number;
  /** Pass as `cursor` (with page + 1) for the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `cursor` (with page - 1) for the previous page; null on the first. */
  prevCursor: string | null;
  hasNext: boolean;
  hasPrev: boolean;
  /** "keyset" (created-at order with a cursor) or "offset" (other sorts, capped). */
  mode: "keyset" | "offset";
}

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
