"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { parseAsString, useQueryState } from "nuqs";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { warmUp } from "@/components/ui/on-demand";
import { toast } from "@/components/ui/toaster";
import { LazyConfirmDialog, loadConfirmDialog } from "@/components/team/lazy-confirm-dialog";
import { useTimezone } from "@/components/shell/timezone";
import { useWarmOnApproach } from "@/components/data-table/list-context";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableError } from "@/components/data-table/data-table-error";
import { ListCount } from "@/components/data-table/list-count";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { zonedRange } from "@/lib/transactions/dates";
import { resendFailedDeliveriesAction } from "@/lib/webhooks/actions";
import { DELIVERY_FILTER_KEYS, DELIVERY_PAGE_SIZES, deliveriesSearchParams } from "@/lib/webhooks/deliveries-contract";
import { useRefreshWebhookLog } from "./use-refresh-webhook-log";

/*
 * The client islands of the server-rendered webhook log (webhook-log.tsx renders the rows): the
 * toolbar, the paging and the detail sheet. Each reads and writes the URL with the log contract's
 * parser map; a filter, a sort or a page is a server navigation in the list's transition.
 */

const count = (n: number) => n.toLocaleString("en-US");

function useDeliveriesUrl() {
  return useListUrl({ parsers: deliveriesSearchParams, filterKeys: DELIVERY_FILTER_KEYS });
}

/** Search, dates, the event and status filters, Views, the attempt count, "Resend all failed" and View. */
export function WebhookLogToolbar({
  filters,
  columns,
  total,
}: {
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  /** Attempts matching the filters; unknown when the server could not read the log. */
  total: number | undefined;
}) {
  const list = useDeliveriesUrl();
  const { zone } = useTimezone();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by event, reference or URL…", label: "Search deliveries" }}
      dateRange={{ zone }}
      actions={
        <>
          {total !== undefined && <ListCount total={total} noun="attempt" />}
          <ResendAllFailed
            from={list.state.from}
            to={list.state.to}
            events={list.state.event}
            // The event filter's options carry the events' names (from the server's columns).
            eventName={(e) => filters.find((f) => f.key === "event")?.options.find((o) => o.value === e)?.label ?? e}
            zone={zone}
          />
        </>
      }
    />
  );
}

/** "Resend all failed" over the log's date range and event filter, after a confirmation. */
function ResendAllFailed({
  from,
  to,
  events,
  eventName,
  zone,
}: {
  from: string | null;
  to: string | null;
  events: string[];
  eventName: (event: string) => string;
  zone: string;
}) {
  const refresh = useRefreshWebhookLog();
  const [open, setOpen] = useState(false);
  const range = zonedRange(from ?? undefined, to ?? undefined, zone);
  const scopeText = [
    from || to ? `created ${from ? `from ${from}` : ""}${from && to ? " " : ""}${to ? `to ${to}` : ""}` : "",
    events.length ? `for ${events.length === 1 ? eventName(events[0]!) : `${events.length} events`}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const confirm = async () => {
    let res: Awaited<ReturnType<typeof resendFailedDeliveriesAction>>;
    try {
      res = await resendFailedDeliveriesAction({
        ...(range.start ? { from: range.start.toISOString() } : {}),
        ...(range.end ? { to: new Date(range.end.getTime() - 1).toISOString() } : {}),
        ...(events.length ? { event: events } : {}),
      });
    } catch {
      throw new Error(UNREACHABLE);
    }
    if (!res.ok) throw new Error(res.error);
    const n = res.data.resent;
    if (n === 0) toast.info("No failed deliveries to resend");
    else toast.success(`${count(n)} ${n === 1 ? "delivery" : "deliveries"} queued`);
    refresh();
  };
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        onPointerEnter={() => void loadConfirmDialog()}
        onFocus={() => void loadConfirmDialog()}
        onClick={() => setOpen(true)}
      >
        <RotateCcw aria-hidden /> Resend all failed
      </Button>
      <LazyConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Resend all failed deliveries?"
        description={
          <>
            Every delivery whose last attempt failed{scopeText ? ` (${scopeText})` : ""} is sent again as a new delivery, up to 1,000 at a time.
            Deliveries still retrying are sent again too.
          </>
        }
        confirmLabel="Resend all failed"
        onConfirm={confirm}
      />
    </>
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function WebhookLogPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={deliveriesSearchParams} filterKeys={DELIVERY_FILTER_KEYS} pageSizes={DELIVERY_PAGE_SIZES} {...props} />;
}

/**
 * The log the URL's query cannot show (a hand-edited URL the route refuses): the route's message and
 * the log's default view, on the Webhooks tab still (ListError would open the bare page: the Account tab).
 */
export function WebhookLogError({ message }: { message: string }) {
  const list = useDeliveriesUrl();
  return <DataTableError error={new Error(message)} what="deliveries" onReset={list.resetView} />;
}

/** A delivery's transaction, in its own list; the click is the link's, not the row's (which opens the delivery). */
export function DeliveryTransactionLink({ href, referenceId }: { href: string; referenceId: string }) {
  return (
    <Link href={href} className="font-mono text-xs underline-offset-4 hover:underline" onClick={(e) => e.stopPropagation()}>
      {referenceId}
    </Link>
  );
}

// The detail sheet (Radix Dialog, React Query) loads when a delivery is first opened (a row, or the
// URL), fetched ahead when the pointer or focus reaches the table.
const loadSheet = () => import("./delivery-detail-sheet");
const DeliveryDetailSheet = dynamic(() => import("./delivery-detail-sheet").then((m) => m.DeliveryDetailSheet), { ssr: false });
const warmSheet = warmUp(loadSheet);

/** The open attempt (`?delivery=<id>`, a shallow URL key: the sheet fetches it). */
export function DeliveryDetail() {
  const [id, setId] = useQueryState("delivery", parseAsString.withOptions({ history: "push" }));
  useWarmOnApproach(warmSheet);
  // Mounted from the first opened delivery on (closing animates, focus goes back to the row).
  const [used, setUsed] = useState(false);
  if (id && !used) setUsed(true);
  return used ? <DeliveryDetailSheet id={id} onOpen={(next) => void setId(next)} onClose={() => void setId(null)} /> : null;
}
