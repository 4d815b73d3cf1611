"use client";

import { useState } from "react";
import { Info, Send } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { Timestamp } from "@/components/shell/timezone";
import { sendTestEventAction } from "@/lib/webhooks/actions";
import type { WebhookSettingsView } from "@/lib/webhooks/get-webhook-settings";
import { SigningSecret } from "./signing-secret";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { useRefreshWebhookLog } from "./use-refresh-webhook-log";
import { WebhookEndpointForm } from "./webhook-endpoint-form";

/** Which delivery mode applies (§4.1), in words. */
function ModeExplainer({ hasSecret, url }: { hasSecret: boolean; url: string | null }) {
  return (
    <Alert variant="info">
      <Info aria-hidden />
      <AlertTitle>{hasSecret ? "Signed delivery" : "Direct callbacks only"}</AlertTitle>
      <AlertDescription>
        {hasSecret ? (
          <p>
            Events are sent signed (<code className="font-mono text-xs">X-Kotani-Signature</code>, with{" "}
            <code className="font-mono text-xs">X-Kotani-Event</code> and <code className="font-mono text-xs">X-Kotani-Integrator</code>) to the
            transaction&apos;s callback URL when it has one, otherwise to {url ? "this webhook URL" : "your webhook URL (none saved yet)"} for the
            events ticked above.
          </p>
        ) : (
          <p>
            Without a signing secret, each transaction&apos;s raw fields are POSTed, unsigned and without an envelope, to the callback URL saved on
            that transaction only; nothing goes to the webhook URL but test events. Generate a secret to receive signed events here.
          </p>
        )}
      </AlertDescription>
    </Alert>
  );
}

function SendTestEvent({ url }: { url: string | null }) {
  const refresh = useRefreshWebhookLog();
  const [pending, setPending] = useState(false);
  const send = async () => {
    setPending(true);
    try {
      const res = await sendTestEventAction({});
      if (res.ok) {
        toast.success("Test event queued");
        refresh();
      } else toast.error(res.error);
    } catch {
      toast.error(UNREACHABLE);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        variant="secondary"
        onClick={() => void send()}
        disabled={!url || pending}
        aria-busy={pending || undefined}
        aria-describedby="send-test-hint"
      >
        {pending ? <Spinner label="" /> : <Send aria-hidden />}
        Send test event
      </Button>
      <span id="send-test-hint" className="text-xs text-muted-foreground">
        {url ? (
          <>
            Sends a <code className="font-mono">system.event</code> to the saved URL; it shows in the log below.
          </>
        ) : (
          "Save a webhook URL first."
        )}
      </span>
    </div>
  );
}

/**
 * Settings → Webhooks: the endpoint and its events, the signing secret, a test event and which
 * mode applies (the log of every delivery follows it: webhook-log.tsx, rendered on the server).
 * The server page loaded the settings; saves and a new secret update them here.
 */
export function WebhooksSection({ initial }: { initial: WebhookSettingsView }) {
  const [settings, setSettings] = useState(initial);
  return (
    <>
      <Card role="region" aria-labelledby="webhook-endpoint-heading">
        <CardHeader>
          <h3 id="webhook-endpoint-heading" className="text-base leading-none font-semibold">
            Endpoint
          </h3>
          <CardDescription>
            Where signed events go, and which ones.{" "}
            {settings.updatedAt && (
              <>
                Last saved <Timestamp value={settings.updatedAt} />.
              </>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <WebhookEndpointForm settings={settings} onSaved={setSettings} />
          <ModeExplainer hasSecret={settings.hasSecret} url={settings.url} />
          <SendTestEvent url={settings.url} />
        </CardContent>
      </Card>
      <SigningSecret hasSecret={settings.hasSecret} onGenerated={() => setSettings((s) => ({ ...s, hasSecret: true }))} />
    </>
  );
}
