"use client";

import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Separator } from "@/components/ui/separator";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { StatusPill } from "@/components/ui/status-pill";
import { toast } from "@/components/ui/toaster";
import { QueryProvider } from "@/components/shell/query-provider";
import { useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { cn } from "@/lib/utils";
import { resendDeliveryAction } from "@/lib/webhooks/actions";
import { DELIVERY_NOT_FOUND, deliveriesQueryKeys, deliveryTransactionHref, deliveryUrl, type DeliveryAttempt, type WebhookDeliveryDetail } from "@/lib/webhooks/deliveries-contract";
import { eventLabel } from "@/lib/webhooks/delivery-labels";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { useRefreshWebhookLog } from "./use-refresh-webhook-log";

const MODE_LABEL: Record<string, string> = {
  signed: "Signed (X-Kotani-Signature) to the URL",
  direct: "Direct callback (raw fields, unsigned)",
};

/** JSON pretty-printed; a body that is not JSON as it came. */
function pretty(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

function Code({ label, value, empty }: { label: string; value: unknown; empty: string }) {
  const text = pretty(value);
  return (
    <div className="grid gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <h4 className="text-xs font-medium text-muted-foreground">{label}</h4>
        {text && <CopyButton value={text} label={label.toLowerCase()} className="size-6" />}
      </div>
      {text ? (
        <pre tabIndex={0} role="group" className="max-h-72 overflow-auto rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap break-all" aria-label={label}>
          {text}
        </pre>
      ) : (
        <p className="text-sm text-muted-foreground">{empty}</p>
      )}
    </div>
  );
}

function Field({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="mt-0.5 min-w-0 text-sm break-words">{children ?? <span className="text-muted-foreground">—</span>}</dd>
    </div>
  );
}

function httpCode(a: { responseStatus: number | null }): string {
  return a.responseStatus === null ? "No response" : `HTTP ${a.responseStatus}`;
}

/** The attempts of one delivery, first to last; the open one marked. */
function AttemptsTimeline({ attempts, current, onOpen }: { attempts: DeliveryAttempt[]; current: string; onOpen(id: string): void }) {
  return (
    <ol className="relative space-y-4 border-l pl-5" aria-label="Attempts, first to last">
      {attempts.map((a) => (
        <li key={a.id} className="relative" aria-current={a.id === current ? "step" : undefined}>
          <span
            className={cn(
              "absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-background",
              a.status === "COMPLETED" ? "bg-success" : a.status === "FAILED" ? "bg-warning" : "bg-destructive",
            )}
            aria-hidden
          />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {a.id === current ? (
              <span className="font-medium">Attempt {a.attempt}</span>
            ) : (
              <Button variant="link" size="sm" className="h-auto px-0" onClick={() => onOpen(a.id)}>
                Attempt {a.attempt}
              </Button>
            )}
            <StatusPill status={a.status} />
            <span className="text-xs text-muted-foreground tabular-nums">
              {httpCode(a)}
              {a.durationMs !== null ? ` · ${a.durationMs} ms` : ""}
            </span>
            <span className="ml-auto text-xs text-muted-foreground">
              <Timestamp value={a.createdAt} />
            </span>
          </div>
          {a.error && <p className="mt-1 text-xs text-muted-foreground">{a.error}</p>}
          {a.status === "FAILED" && a.nextAttemptAt && (
            <p className="mt-1 text-xs text-muted-foreground">
              Next attempt at <Timestamp value={a.nextAttemptAt} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "Resend": the same event again as a new delivery; the detail then closes on the refreshed log, where the new delivery appears. */
function ResendButton({ id, onQueued }: { id: string; onQueued(): void }) {
  const refresh = useRefreshWebhookLog();
  const [pending, setPending] = useState(false);
  const resend = async () => {
    setPending(true);
    try {
      const res = await resendDeliveryAction({ deliveryId: id });
      if (res.ok) {
        toast.success("Resend queued: it appears in the log as a new delivery.");
        refresh();
        onQueued();
      } else toast.error(res.error);
    } catch {
      toast.error(UNREACHABLE);
    } finally {
      setPending(false);
    }
  };
  return (
    <Button variant="outline" size="sm" onClick={() => void resend()} disabled={pending} aria-busy={pending || undefined}>
      {pending ? <Spinner label="" /> : <RotateCcw aria-hidden />}
      Resend
    </Button>
  );
}

function DetailBody({ d, onOpen, onClose }: { d: WebhookDeliveryDetail; onOpen(id: string): void; onClose(): void }) {
  const scope = useScope();
  return (
    <div className="space-y-6 px-4 pb-8">
      <div className="flex flex-wrap items-center gap-2">
        <ResendButton id={d.id} onQueued={onClose} />
        <span className="text-xs text-muted-foreground">Sends the same event again, as a new delivery with its own attempts.</span>
      </div>
      {d.error && (
        <Alert variant="destructive">
          <AlertTitle>Why this attempt failed</AlertTitle>
          <AlertDescription>{d.error}</AlertDescription>
        </Alert>
      )}
      <section aria-label="Summary" className="space-y-3">
        <dl className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
          <Field term="Event">
            <span className="grid">
              <span>{eventLabel(d.event)}</span>
              <code className="font-mono text-xs text-muted-foreground">{d.event}</code>
            </span>
          </Field>
          <Field term="Status">
            <StatusPill status={d.status} />
          </Field>
          <Field term="HTTP code">{d.responseStatus === null ? "No response" : String(d.responseStatus)}</Field>
          <Field term="Duration">{d.durationMs === null ? null : `${d.durationMs} ms`}</Field>
          <Field term="Attempt">{String(d.attempt)}</Field>
          <Field term="Time">
            <Timestamp value={d.createdAt} />
          </Field>
          {d.status === "FAILED" && d.nextAttemptAt && (
            <Field term="Next attempt">{d.isLatest ? <Timestamp value={d.nextAttemptAt} /> : "Retried (see the attempts below)"}</Field>
          )}
          <Field term="Mode">{MODE_LABEL[d.mode] ?? d.mode}</Field>
          <Field term="Transaction">
            {d.transaction ? (
              <Link href={deliveryTransactionHref(d.transaction, scope.environment)} className="font-mono text-xs underline-offset-4 hover:underline">
                {d.transaction.referenceId}
              </Link>
            ) : null}
          </Field>
          {d.resendOf && <Field term="Resend of">{<code className="font-mono text-xs">{d.resendOf}</code>}</Field>}
          <div className="min-w-0 sm:col-span-2">
            <dt className="text-xs text-muted-foreground">URL</dt>
            <dd className="mt-0.5 flex min-w-0 items-center gap-1">
              <span className="truncate font-mono text-xs" title={d.url}>
                {d.url}
              </span>
              <CopyButton value={d.url} label="URL" className="-my-1 size-6" />
            </dd>
          </div>
        </dl>
      </section>
      <Separator />
      <section aria-labelledby="delivery-attempts-heading" className="space-y-3">
        <h3 id="delivery-attempts-heading" className="text-sm font-semibold">
          Attempts
        </h3>
        <AttemptsTimeline attempts={d.attempts} current={d.id} onOpen={onOpen} />
      </section>
      <Separator />
      <section aria-labelledby="delivery-request-heading" className="space-y-3">
        <h3 id="delivery-request-heading" className="text-sm font-semibold">
          Request
        </h3>
        <Code label="Request headers" value={d.requestHeaders} empty="No headers recorded." />
        <Code label="Request body" value={d.requestBody} empty="No body recorded." />
      </section>
      <Separator />
      <section aria-labelledby="delivery-response-heading" className="space-y-3">
        <h3 id="delivery-response-heading" className="flex items-center gap-2 text-sm font-semibold">
          Response
          <Badge variant={d.responseStatus !== null && d.responseStatus < 300 ? "success" : "muted"}>{httpCode(d)}</Badge>
        </h3>
        <Code label="Response headers" value={d.responseHeaders} empty="No headers." />
        <Code label="Response body" value={d.responseBody} empty="Empty body." />
      </section>
    </div>
  );
}

interface SheetProps {
  id: string | null;
  onOpen(id: string): void;
  onClose(): void;
}

/** One attempt of the webhook log (`?delivery=<id>`), opened from a row or straight from a URL; it fetches (React Query, loaded with it). */
export function DeliveryDetailSheet(props: SheetProps) {
  return (
    <QueryProvider>
      <DeliverySheet {...props} />
    </QueryProvider>
  );
}

function DeliverySheet({ id, onOpen, onClose }: SheetProps) {
  const scopeKey = useScopeKey();
  const { data, error, isPending } = useQuery({
    queryKey: deliveriesQueryKeys.detail(scopeKey, id ?? ""),
    queryFn: ({ signal }) => fetchJson<WebhookDeliveryDetail>(deliveryUrl(id!), signal),
    enabled: !!id,
    retry: retryUnlessClientError,
    // While the delivery's last attempt waits for a retry, its next attempt shows up on its own.
    refetchInterval: (q) => {
      const last = q.state.data?.attempts.at(-1);
      return last && last.status === "FAILED" && last.nextAttemptAt ? 5_000 : false;
    },
  });
  return (
    <Sheet open={!!id} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full gap-0 sm:max-w-2xl">
        <SheetHeader className="border-b">
          <SheetTitle className="flex flex-wrap items-center gap-2 pr-6">
            Webhook delivery
            {data && <StatusPill status={data.status} />}
          </SheetTitle>
          <SheetDescription>
            {data ? (
              <>
                {eventLabel(data.event)} · attempt {data.attempt} · <Timestamp value={data.createdAt} />
              </>
            ) : (
              "What was sent, what came back, and every attempt"
            )}
          </SheetDescription>
        </SheetHeader>
        <div className="pt-4">
          {id && isPending ? (
            <div className="space-y-3 px-4" aria-busy>
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-8 w-full" />
              ))}
            </div>
          ) : error ? (
            <div className="px-4">
              <Alert variant="destructive" role="alert">
                <AlertTitle>Could not open this delivery</AlertTitle>
                <AlertDescription>{error.message === DELIVERY_NOT_FOUND ? "It does not exist in this environment." : error.message}</AlertDescription>
              </Alert>
            </div>
          ) : data ? (
            <DetailBody d={data} onOpen={onOpen} onClose={onClose} />
          ) : null}
        </div>
      </SheetContent>
    </Sheet>
  );
}
