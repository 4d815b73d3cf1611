"use client";

import { useState, useTransition } from "react";
import dynamic from "next/dynamic";
import { Ban, Download, Play, RotateCcw, ThumbsDown, ThumbsUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { useOpenedOnce } from "@/components/ui/on-demand";
import { useRefreshScope } from "@/components/shell/scope-context";
import { useList } from "@/components/data-table/list-context";
import { runAction } from "@/lib/client/run-action";
import { cancelBulkBatchAction, decideBulkBatchAction, processBulkBatchAction, retryFailedItemsAction } from "@/lib/bulk-payments/actions";
import type { BulkBatchDto } from "@/lib/bulk-payments/dto";
import { batchExportUrl } from "@/lib/bulk-payments/uploads-contract";
import type { BatchResult, Result } from "./reject-batch-dialog";
import { useSelectBatch } from "./bulk-items-list-controls";

// A batch's dialogs (Radix Dialog; the reason's form) load on first use, not with the page
// (issue 14 item 17); pointing at or focusing the button that opens one starts the download.
const loadConfirmActionDialog = () => import("@/components/engine/transaction-action-dialogs");
const ConfirmActionDialog = dynamic(() => import("@/components/engine/transaction-action-dialogs").then((m) => m.ConfirmActionDialog), {
  ssr: false,
});
const loadRejectBatchDialog = () => import("./reject-batch-dialog");
const RejectBatchDialog = dynamic(() => import("./reject-batch-dialog"), { ssr: false });
const warm = (load: () => Promise<unknown>) => ({ onPointerEnter: () => void load(), onFocus: () => void load() });

/** A download started by a button (the route answers a CSV attachment: the page stays). */
function startDownload(url: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = "";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * A batch card's buttons (bulk-upload-detail.tsx renders the card): Process / Approve / Reject /
 * Retry failed items / Export results / Cancel batch, as the server says the batch's status and
 * the member's permissions allow. After a change the page comes again from the server; a retry
 * shows the new batch's recipients.
 */
export function BatchActions({
  batch,
  label,
  can,
  ownBatch,
}: {
  batch: Pick<BulkBatchDto, "id" | "status" | "currency" | "totalAmount" | "totalPayments">;
  label: string;
  can: { process: boolean; decide: boolean; retry: boolean; cancel: boolean };
  /** The member started this batch: another member decides on it. */
  ownBatch: boolean;
}) {
  const refreshScope = useRefreshScope();
  const selectBatch = useSelectBatch();
  // Until the page shows the batch's new status, its buttons stay disabled (no second Process):
  // a refresh runs in this transition, a navigation to another batch in the list's.
  const [refreshing, startRefresh] = useTransition();
  const { pending } = useList();
  const [busy, setBusy] = useState<null | "process" | "approve" | "retry">(null);
  const [cancelling, setCancelling] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const cancelMounted = useOpenedOnce(cancelling);
  const rejectMounted = useOpenedOnce(rejecting);
  const disabled = busy !== null || refreshing || pending;

  const done = (res: BatchResult) => {
    toast.success(res.message, { description: label });
    startRefresh(refreshScope);
  };
  const run = async (kind: "process" | "approve" | "retry", call: () => Promise<Result>) => {
    setBusy(kind);
    const res = await runAction(call);
    setBusy(null);
    if (!res.ok) toast.error(res.error, { description: label });
    else if (kind === "retry") {
      toast.success(res.data.message, { description: label });
      // A navigation to the new batch's recipients: the server renders the page (its new card too).
      selectBatch(res.data.batchId);
    } else done(res.data);
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {can.process && (
        <Button size="sm" onClick={() => void run("process", () => processBulkBatchAction({ batchId: batch.id }))} disabled={disabled} aria-busy={busy === "process"}>
          {busy === "process" ? <Spinner label="" /> : <Play aria-hidden />} Process
        </Button>
      )}
      {can.decide && (
        <>
          <Button
            size="sm"
            onClick={() => void run("approve", () => decideBulkBatchAction({ batchId: batch.id, decision: "approve" }))}
            disabled={disabled || ownBatch}
            aria-busy={busy === "approve"}
            title={ownBatch ? "You started this batch: another member approves it" : undefined}
          >
            {busy === "approve" ? <Spinner label="" /> : <ThumbsUp aria-hidden />} Approve
          </Button>
          <Button
            size="sm"
            variant="outline"
            {...warm(loadRejectBatchDialog)}
            onClick={() => setRejecting(true)}
            disabled={disabled || ownBatch}
            title={ownBatch ? "You started this batch: another member decides on it" : undefined}
          >
            <ThumbsDown aria-hidden /> Reject
          </Button>
        </>
      )}
      {can.retry && (
        <Button size="sm" variant="outline" onClick={() => void run("retry", () => retryFailedItemsAction({ batchId: batch.id }))} disabled={disabled} aria-busy={busy === "retry"}>
          {busy === "retry" ? <Spinner label="" /> : <RotateCcw aria-hidden />} Retry failed items
        </Button>
      )}
      <Button size="sm" variant="outline" onClick={() => startDownload(batchExportUrl(batch.id))}>
        <Download aria-hidden /> Export results
      </Button>
      {can.cancel && (
        <Button size="sm" variant="ghost" className="text-destructive dark:text-red-300" {...warm(loadConfirmActionDialog)} onClick={() => setCancelling(true)} disabled={disabled}>
          <Ban aria-hidden /> Cancel batch
        </Button>
      )}

      {cancelMounted && (
        <ConfirmActionDialog
          open={cancelling}
          onOpenChange={setCancelling}
          title={`Cancel ${label}?`}
          description={
            batch.status === "processing"
              ? "Payments already sent still complete; the ones not sent yet are not sent."
              : `None of its ${batch.totalPayments.toLocaleString("en-US")} payments is sent.`
          }
          confirmLabel="Cancel batch"
          onConfirm={async () => {
            const res: Result = await runAction(() => cancelBulkBatchAction({ batchId: batch.id }));
            if (!res.ok) return res.error;
            done(res.data);
            return null;
          }}
        />
      )}
      {rejectMounted && <RejectBatchDialog batch={batch} label={label} open={rejecting} onOpenChange={setRejecting} onDone={done} />}
    </div>
  );
}
