"use client";

import { useState } from "react";
import { Copy, Eye, KeyRound, RefreshCw } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { copyText } from "@/components/ui/copy-button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { revealWebhookSecretAction, rotateWebhookSecretAction } from "@/lib/webhooks/actions";
import { StepUpDialog } from "./step-up-dialog";

type Dialog = "generate" | "reveal" | "rotate" | null;

/**
 * The secret, in the dialog that produced it: a mono read-only field, "Copy secret" and "Done". A
 * new secret is shown this once (Reveal shows it again after the password).
 */
function SecretPanel({ title, secret, fresh, onClose }: { title: string; secret: string; fresh: boolean; onClose(): void }) {
  const copy = async () => {
    if (await copyText(secret)) toast.success("Secret copied");
    else toast.error("Could not copy: select the secret and copy it by hand.");
  };
  return (
    <>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>
          {fresh
            ? "Copy it now and store it with your server's configuration: it is not shown again without your password."
            : "Keep it secret: anyone holding it can sign events your server would trust."}
        </DialogDescription>
      </DialogHeader>
      {fresh && (
        <Alert variant="warning">
          <AlertTitle>Shown this once</AlertTitle>
          <AlertDescription>Deliveries are signed with this secret from now on.</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Input
          readOnly
          value={secret}
          aria-label="Signing secret value"
          className="min-w-0 flex-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          autoComplete="off"
        />
        <Button type="button" variant="outline" size="sm" onClick={() => void copy()}>
          <Copy aria-hidden /> Copy secret
        </Button>
      </div>
      <DialogFooter>
        <Button type="button" onClick={onClose}>
          Done
        </Button>
      </DialogFooter>
    </>
  );
}

/**
 * Settings → Webhooks → Signing secret: "Not generated yet" and Generate, or the masked secret with
 * Reveal and Rotate. Each asks for the password again (step-up), then shows the secret in its dialog.
 */
export function SigningSecret({ hasSecret, onGenerated }: { hasSecret: boolean; onGenerated(): void }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const openChange = (which: Exclude<Dialog, null>) => (open: boolean) => setDialog(open ? which : null);
  const rotate = (password: string | undefined) => rotateWebhookSecretAction({ confirm: true, ...(password ? { password } : {}) });

  return (
    <Card role="region" aria-labelledby="webhook-secret-heading">
      <CardHeader>
        <h3 id="webhook-secret-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
          <KeyRound className="size-4" aria-hidden /> Signing secret
        </h3>
        <CardDescription>
          Signs every delivery: <code className="font-mono text-xs">X-Kotani-Signature: sha256=…</code> is the HMAC-SHA256 of the body with this
          secret. Verify it before trusting an event.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {hasSecret ? (
          <div className="flex flex-wrap items-center gap-2">
            <code className="rounded-md border bg-muted px-3 py-1.5 font-mono text-sm tracking-widest">
              ••••••••<span className="sr-only"> (the signing secret is hidden)</span>
            </code>
            <Button type="button" variant="outline" size="sm" onClick={() => setDialog("reveal")}>
              <Eye aria-hidden /> Reveal
            </Button>
            <Button type="button" variant="outline" size="sm" onClick={() => setDialog("rotate")}>
              <RefreshCw aria-hidden /> Rotate
            </Button>
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <Badge variant="muted">Not generated yet</Badge>
            <span className="text-sm text-muted-foreground">Without a secret, events go unsigned to each transaction&apos;s callback URL only.</span>
            <Button type="button" onClick={() => setDialog("generate")} className="ml-auto">
              <KeyRound aria-hidden /> Generate secret
            </Button>
          </div>
        )}
      </CardContent>

      <StepUpDialog
        open={dialog === "generate"}
        onOpenChange={openChange("generate")}
        title="Generate a signing secret"
        description="From now on, events are signed with it and also go to your webhook URL. Enter your password to confirm it is you."
        busyLabel="Generating…"
        run={rotate}
        onDone={() => {
          onGenerated();
          toast.success("Signing secret generated");
        }}
        renderResult={(data, close) => <SecretPanel title="Your new signing secret" secret={data.secret} fresh onClose={close} />}
      />
      <StepUpDialog
        open={dialog === "reveal"}
        onOpenChange={openChange("reveal")}
        title="Reveal the signing secret"
        description="Enter your password to see the secret. Revealing it is recorded in the audit log."
        busyLabel="Checking…"
        run={(password) => revealWebhookSecretAction(password ? { password } : {})}
        onDone={() => {}}
        renderResult={(data, close) => <SecretPanel title="Your signing secret" secret={data.secret} fresh={false} onClose={close} />}
      />
      <StepUpDialog
        open={dialog === "rotate"}
        onOpenChange={openChange("rotate")}
        title="Rotate the signing secret?"
        description="Deliveries are signed with the new one at once; receivers still checking the old secret will reject them."
        submitLabel="Rotate secret"
        busyLabel="Rotating…"
        destructive
        run={rotate}
        onDone={() => {
          onGenerated();
          toast.success("Signing secret rotated");
        }}
        renderResult={(data, close) => <SecretPanel title="Your new signing secret" secret={data.secret} fresh onClose={close} />}
      />
    </Card>
  );
}
