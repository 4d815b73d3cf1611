"use server";

import { gatedAction } from "@/lib/auth/guard";
import { cancelBulkBatch } from "./cancel-bulk-batch";
import { confirmBulkUpload } from "./confirm-bulk-upload";
import { decideBulkBatch } from "./decide-bulk-batch";
import { retryFailedItems } from "./retry-failed-items";
import { batchActionSchema, confirmBulkSchema, decideBatchSchema } from "./schemas";
import { startBulkBatch } from "./start-bulk-batch";

/** Confirm a checked file: the upload, a batch per currency, an item per recipient. */
export const confirmBulkUploadAction = gatedAction("bulk_payments.confirm", "bulk_payments.manage", confirmBulkSchema, async ({ db, scope, input, meta }) =>
  confirmBulkUpload(db, scope, input, meta),
);

/** "Process" a pending batch (or send it for approval at or above the threshold). */
export const processBulkBatchAction = gatedAction("bulk_payments.process", "bulk_payments.manage", batchActionSchema, async ({ db, scope, input, meta }) =>
  startBulkBatch(db, scope, input, meta),
);

/** "Cancel" a batch: its items not yet sent are not sent. */
export const cancelBulkBatchAction = gatedAction("bulk_payments.cancel", "bulk_payments.manage", batchActionSchema, async ({ db, scope, input, meta }) =>
  cancelBulkBatch(db, scope, input, meta),
);

/** Approve or reject a batch waiting for approval (four eyes: not the member who started it). */
export const decideBulkBatchAction = gatedAction("bulk_payments.decide", "payouts.approve", decideBatchSchema, async ({ db, scope, input, meta }) =>
  decideBulkBatch(db, scope, input, meta),
);

/** "Retry failed items": a new batch from a finished batch's failed items. */
export const retryFailedItemsAction = gatedAction("bulk_payments.retry", "bulk_payments.manage", batchActionSchema, async ({ db, scope, input, meta }) =>
  retryFailedItems(db, scope, input, meta),
);
