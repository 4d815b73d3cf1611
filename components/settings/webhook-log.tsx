"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { History, RotateCcw, Webhook } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusPill } from "@/components/ui/status-pill";
import { toast } from "@/components/ui/toaster";
import { LazyConfirmDialog, loadConfirmDialog } from "@/components/team/lazy-confirm-dialog";
import { useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp, useTimezone } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableError } from "@/components/data-table/data-table-error";
import { DataTableOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import "@/components/data-table/types";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { zonedRange } from "@/lib/transactions/dates";
import { resendFailedDeliveriesAction } from "@/lib/webhooks/actions";
import {
  DELIVERY_DEFAULT_SORT,
  DELIVERY_EVENT_OPTIONS,
  DELIVERY_FILTER_KEYS,
  DELIVERY_PAGE_SIZES,
  DELIVERY_STATUS_LABEL,
  DELIVERY_STATUSES,
  deliveriesQueryKeys,
  deliveriesSearchParams,
  deliveriesUrlOf,
  deliveryTransactionHref,
  eventLabel,
  isRetrying,
  type WebhookDeliveriesResponse,
  type WebhookDeliveryRow,
} from "@/lib/webhooks/deliveries-contract";
import dynamic from "next/dynamic";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { useRefreshWebhookLog } from "./use-refresh-webhook-log";

// The detail sheet (Radix Dialog) loads when a delivery is first opened (a row, or the URL).
const DeliveryDetailSheet = dynamic(() => import("./delivery-detail-sheet").then((m) => m.DeliveryDetailSheet), { ssr: false });

const count = (n: number) => n.toLocaleString("en-US");

function columns(environment: string): ColumnDef<WebhookDeliveryRow>[] {
  return [
    {
      id: "event",
      accessorKey: "event",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Event",
        className: "min-w-[13rem] max-w-[18rem] max-md:min-w-0",
        card: "title",
        filter: { key: "event", title: "Event", options: DELIVERY_EVENT_OPTIONS },
      },
      header: "Event",
      cell: ({ row: { original: r } }) => (
        <div className="grid min-w-0 gap-0.5">
          <span className="truncate" title={eventLabel(r.event)}>
            {eventLabel(r.event)}
          </span>
          <code className="truncate font-mono text-xs text-muted-foreground" title={r.event}>
            {r.event}
          </code>
        </div>
      ),
    },
    {
      id: "transaction",
      enableSorting: false,
      meta: { label: "Transaction reference", className: "whitespace-nowrap", card: "field" },
      header: "Transaction reference",
      cell: ({ row: { original: r } }) =>
        r.transaction ? (
          <Link
            href={deliveryTransactionHref(r.transaction, environment)}
            className="font-mono text-xs underline-offset-4 hover:underline"
            onClick={(e) => e.stopPropagation()}
          >
            {r.transaction.referenceId}
          </Link>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "url",
      accessorKey: "url",
      enableSorting: false,
      meta: { label: "URL", className: "max-w-[18rem]", defaultHidden: true },
      header: "URL",
      cell: ({ row: { original: r } }) => (
        <span className="block truncate font-mono text-xs" title={r.url}>
          {r.url}
        </span>
      ),
    },
    {
      id: "status",
      accessorKey: "status",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Status",
        card: "status",
        filter: { key: "status", title: "Status", options: DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_LABEL[s] })) },
      },
      header: "Status",
      cell: ({ row: { original: r } }) => (
        <StatusPill
          status={r.status}
          title={
            r.status === "FAILED"
              ? isRetrying(r)
                ? "Failed, will retry"
                : "Failed, retried"
              : r.status === "PERMANENTLY_FAILED"
                ? "Failed: no more retries"
                : "Delivered"
          }
        />
      ),
    },
    {
      id: "responseStatus",
      accessorKey: "responseStatus",
      enableSorting: false,
      meta: { label: "HTTP code", align: "right", card: "field" },
      header: "HTTP code",
      cell: ({ row: { original: r } }) =>
        r.responseStatus === null ? <span className="text-muted-foreground" title={r.error ?? "No response"}>—</span> : r.responseStatus,
    },
    {
      id: "durationMs",
      accessorKey: "durationMs",
      enableSorting: false,
      meta: { label: "Duration (ms)", align: "right", defaultHidden: true },
      header: "Duration (ms)",
      cell: ({ row: { original: r } }) => (r.durationMs === null ? <span className="text-muted-foreground">—</span> : count(r.durationMs)),
    },
    {
      id: "attempt",
      accessorKey: "attempt",
      enableSorting: false,
      meta: { label: "Attempt", align: "right" },
      header: "Attempt",
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      enableHiding: false,
      meta: { label: "Time", className: "whitespace-nowrap", card: "time" },
      header: ({ column }) => <DataTableColumnHeader column={column} title="Time" />,
      cell: ({ row: { original: r } }) => <Timestamp value={r.createdAt} compact />,
    },
  ];
}

/** "Resend all failed" over the log's date range and event filter, after a confirmation. */
function ResendAllFailed({ from, to, events, zone }: { from: string | null; to: string | null; events: string[]; zone: string }) {
  const refresh = useRefreshWebhookLog();
  const [open, setOpen] = useState(false);
  const range = zonedRange(from ?? undefined, to ?? undefined, zone);
  const scopeText = [
    from || to ? `created ${from ? `from ${from}` : ""}${from && to ? " " : ""}${to ? `to ${to}` : ""}` : "",
    events.length ? `for ${events.length === 1 ? eventLabel(events[0]!) : `${events.length} events`}` : "",
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

/**
 * The webhook log on the list system: one row per attempt, newest first; search (event, reference,
 * URL), status, event and date filters, paging and hidden columns in the URL; a row opens the
 * attempt in full. While an attempt on screen waits for its retry, the log refetches every 5 s.
 */
export function WebhookLog() {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const { zone } = useTimezone();
  const urlState = useListState(deliveriesSearchParams);
  const query = useQuery({
    queryKey: deliveriesQueryKeys.list(scopeKey, urlState, zone),
    queryFn: ({ signal }) => fetchJson<WebhookDeliveriesResponse>(deliveriesUrlOf(urlState, zone), signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
    refetchInterval: (q) => (q.state.data?.rows.some(isRetrying) ? 5_000 : false),
  });
  const data = query.data;
  const cols = useMemo(() => columns(scope.environment), [scope.environment]);
  const list = useDataTable({
    parsers: deliveriesSearchParams,
    columns: cols,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: DELIVERY_FILTER_KEYS,
    defaultSort: DELIVERY_DEFAULT_SORT,
    resolvedPage: data && !query.isPlaceholderData ? data.page : undefined,
  });
  const open = (id: string | null) => void list.setState({ delivery: id });
  // Mounted from the first opened delivery on (closing animates, focus goes back to the row).
  const [sheetUsed, setSheetUsed] = useState(false);
  if (list.state.delivery && !sheetUsed) setSheetUsed(true);

  return (
    <Card role="region" aria-labelledby="webhook-log-heading">
      <CardHeader>
        <h3 id="webhook-log-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
          <History className="size-4" aria-hidden /> Webhook log
        </h3>
        <CardDescription>
          Every attempt to deliver an event in this environment, newest first: what was sent and what your server answered. Failed
          attempts are retried with backoff for 24 hours.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <DataTableToolbar
          list={list}
          search={{ placeholder: "Search by event, reference or URL…", label: "Search deliveries" }}
          dateRange={{ zone }}
          actions={
            <>
              {data && (
                <p className="text-sm text-muted-foreground" aria-live="polite">
                  {count(data.total)} attempt{data.total === 1 ? "" : "s"}
                </p>
              )}
              <ResendAllFailed from={list.state.from} to={list.state.to} events={list.state.event} zone={zone} />
            </>
          }
        />
        <DataTable
          table={list.table}
          aria-label="Webhook deliveries"
          isLoading={query.isPending}
          isFetching={query.isFetching && query.isPlaceholderData}
          skeletonRows={5}
          onRowClick={(row) => open(row.original.id)}
          rowLabel={({ original: r }) =>
            `Open delivery: ${eventLabel(r.event)}${r.transaction ? `, ${r.transaction.referenceId}` : ""}, ${r.status}, attempt ${r.attempt}`
          }
          rowProps={(row) => ({ "data-testid": "webhook-delivery-row", "data-status": row.original.status })}
          error={query.error ? <DataTableError error={query.error} what="deliveries" onReset={list.resetView} /> : null}
          empty={
            <EmptyState
              icon={<Webhook />}
              title="No deliveries found"
              description={list.isFiltered ? "No deliveries match your search or filters." : "Deliveries appear here once an event is sent: try Send test event."}
            />
          }
        />
        <DataTableOffsetPagination
          list={list}
          rowsDisplayed={query.error ? 0 : (data?.rows.length ?? 0)}
          total={data?.total}
          pageSizes={DELIVERY_PAGE_SIZES}
          disabled={query.isFetching && query.isPlaceholderData}
        />
      </CardContent>
      {sheetUsed && <DeliveryDetailSheet id={list.state.delivery} onOpen={(id) => open(id)} onClose={() => open(null)} />}
    </Card>
  );
}
