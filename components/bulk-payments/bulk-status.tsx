import { Badge } from "@/components/ui/badge";
import { statusVariant, type StatusVariant } from "@/components/ui/status-pill";
import { BULK_UPLOAD_STATUS_LABEL, type BulkUploadStatus } from "@/lib/bulk-payments/dto";
import { BULK_ITEM_STATUS_LABEL } from "@/lib/bulk-payments/items-contract";
import { BULK_BATCH_STATUS_LABEL, type BulkBatchStatus, type BulkItemStatus } from "@/lib/bulk-payments/constants";

/** Bulk statuses the generic rule would read otherwise ("completed_with_errors" is not a failure). */
const OVERRIDES: Record<string, StatusVariant> = {
  completed_with_errors: "warning",
  awaiting_approval: "warning",
  pending: "secondary",
  PENDING: "secondary",
};

function Pill({ status, label }: { status: string; label: string }) {
  const variant = OVERRIDES[status] ?? statusVariant(status);
  return (
    <Badge variant={variant} data-status={status} className="gap-1.5">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {label}
    </Badge>
  );
}

/** A batch's status ("Awaiting approval", "Completed with errors"…). */
export function BatchStatusPill({ status }: { status: string }) {
  return <Pill status={status} label={BULK_BATCH_STATUS_LABEL[status as BulkBatchStatus] ?? status} />;
}

/** An upload's status, as read from its batches. */
export function UploadStatusPill({ status }: { status: string }) {
  return <Pill status={status} label={BULK_UPLOAD_STATUS_LABEL[status as BulkUploadStatus] ?? status} />;
}

/** An item's status (PENDING → "Pending", SUCCESS → "Successful"…). */
export function ItemStatusPill({ status }: { status: string }) {
  return <Pill status={status} label={BULK_ITEM_STATUS_LABEL[status as BulkItemStatus] ?? status} />;
}
