import "server-only";
import { History, Webhook } from "lucide-react";
import type { SearchParams } from "nuqs/server";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage, requestZone } from "@/lib/client/page-data";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { DELIVERY_DEFAULT_SORT, DELIVERY_FILTER_KEYS, deliveriesListQuery, isRetrying, type WebhookDeliveryRow } from "@/lib/webhooks/deliveries-contract";
import { eventLabel } from "@/lib/webhooks/delivery-labels";
import { deliveriesListSchema, loadDeliveriesSearchParams } from "@/lib/webhooks/deliveries-contract-schema";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListProvider } from "@/components/data-table/list-context";
import { LiveRefresh } from "@/components/data-table/list-refresh";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { webhookLogColumns } from "./webhook-log-columns";
import { DeliveryDetail, WebhookLogError, WebhookLogPagination, WebhookLogToolbar } from "./webhook-log-controls";

/** While an attempt on screen waits for its retry, the log is read again this often. */
const RETRY_REFRESH_MS = 5_000;

/**
 * The webhook log, rendered on the server: one row per attempt, newest first; search (event,
 * reference, URL), status, event and date filters, paging and hidden columns in the URL, read with
 * the route's schema and service. The browser runs the controls (webhook-log-controls.tsx); a row
 * opens the attempt in full (`?delivery=`, a sheet that fetches it).
 */
export async function WebhookLog({ scope, searchParams }: { scope: Scope; searchParams: Promise<SearchParams> }) {
  const [state, zone, db] = await Promise.all([loadDeliveriesSearchParams(searchParams), requestZone(scope), getDb()]);
  const list = await readForPage(deliveriesListSchema, deliveriesListQuery(state, zone), (input) => listWebhookDeliveries(db, scope, input));
  const columns = webhookLogColumns(scope.environment);
  const controls = columnControls(columns);
  const rows = (list.data?.rows ?? []) as WebhookDeliveryRow[];
  const filtered = DELIVERY_FILTER_KEYS.some((k) => {
    const v = state[k];
    return Array.isArray(v) ? v.length > 0 : !!v;
  });

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
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
          <WebhookLogToolbar filters={controls.filters} columns={controls.choices} total={list.data?.total} />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={(r) => r.id}
            sort={state.sort}
            defaultSort={DELIVERY_DEFAULT_SORT}
            hide={state.hide}
            show={state.show}
            aria-label="Webhook deliveries"
            rowOpen={() => ({ param: "delivery" })}
            rowLabel={(r) =>
              `Open delivery: ${eventLabel(r.event)}${r.transaction ? `, ${r.transaction.referenceId}` : ""}, ${r.status}, attempt ${r.attempt}`
            }
            rowProps={(r) => ({ "data-testid": "webhook-delivery-row", "data-status": r.status })}
            error={list.error ? <WebhookLogError message={list.error} /> : null}
            empty={
              <EmptyState
                icon={<Webhook />}
                title="No deliveries found"
                description={filtered ? "No deliveries match your search or filters." : "Deliveries appear here once an event is sent: try Send test event."}
              />
            }
          />
          <WebhookLogPagination rowsDisplayed={rows.length} total={list.data?.total} resolvedPage={list.data?.page} />
        </CardContent>
        <DeliveryDetail />
        <LiveRefresh active={rows.some(isRetrying)} intervalMs={RETRY_REFRESH_MS} />
      </Card>
    </ListProvider>
  );
}
