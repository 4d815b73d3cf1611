"use server";

import { gatedAction } from "@/lib/auth/guard";
import { setApprovalThreshold } from "./approval-thresholds";
import { cancelOfframp } from "./cancel-offramp";
import { cancelTransaction } from "./cancel-transaction";
import { createCollection } from "./create-collection";
import { createPayout } from "./create-payout";
import { decidePayoutApproval } from "./decide-payout-approval";
import { retryOfframpRefund } from "./retry-offramp-refund";
import { approvalThresholdSchema, decideApprovalSchema, newCollectionSchema, sendMoneySchema, transactionRefSchema } from "./schemas";

/** "+ New Collection" (Collections, Home). */
export const createCollectionAction = gatedAction("collections.create", "collections.create", newCollectionSchema, async ({ db, scope, input, meta }) =>
  createCollection(db, scope, input, meta),
);

/** "Send Money" (Payouts, the wallet card). */
export const sendMoneyAction = gatedAction("payouts.create", "payouts.create", sendMoneySchema, async ({ db, scope, input, meta }) =>
  createPayout(db, scope, input, meta),
);

/** Cancel a pending collection or payout (the service checks the kind's create permission). */
export const cancelTransactionAction = gatedAction(
  "transactions.cancel",
  ["collections.create", "payouts.create"],
  transactionRefSchema,
  async ({ db, scope, input, meta }) => cancelTransaction(db, scope, input, meta),
);

/** Approve or reject a payout held for approval. */
export const decidePayoutApprovalAction = gatedAction("payouts.decide", "payouts.approve", decideApprovalSchema, async ({ db, scope, input, meta }) =>
  decidePayoutApproval(db, scope, input, meta),
);

/** Payout approvals card: a currency's threshold (empty = off). */
export const setApprovalThresholdAction = gatedAction(
  "payouts.set_approval_threshold",
  "settings.manage",
  approvalThresholdSchema,
  async ({ db, scope, input, meta }) => setApprovalThreshold(db, scope, input, meta),
);

/** Offramp detail: Cancel (PENDING only). */
export const cancelOfframpAction = gatedAction("offramp.cancel", "offramp.manage", transactionRefSchema, async ({ db, scope, input, meta }) =>
  cancelOfframp(db, scope, input, meta),
);

/** Offramp detail: Retry refund (REFUND_FAILED, within the retry limit). */
export const retryOfframpRefundAction = gatedAction("offramp.retry_refund", "offramp.manage", transactionRefSchema, async ({ db, scope, input, meta }) =>
  retryOfframpRefund(db, scope, input, meta),
);
