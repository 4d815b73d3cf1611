"use client";

import { Copy } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { copyText } from "@/components/ui/copy-button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { revealWebhookSecretAction, rotateWebhookSecretAction } from "@/lib/webhooks/actions";
import { StepUpDialog } from "./step-up-dialog";

export type SecretDialog = "generate" | "reveal" | "rotate" | null;

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
 * The signing secret's dialogs (Generate, Reveal, Rotate: step-up, then the secret). Loaded when
 * one is first opened (signing-secret.tsx), then kept mounted.
 */
export default function SigningSecretDialogs({
  dialog,
  setDialog,
  onGenerated,
}: {
  dialog: SecretDialog;
  setDialog(dialog: SecretDialog): void;
  onGenerated(): void;
}) {
  const openChange = (which: Exclude<SecretDialog, null>) => (open: boolean) => setDialog(open ? which : null);
  const rotate = (password: string | undefined) => rotateWebhookSecretAction({ confirm: true, ...(password ? { password } : {}) });
  return (
    <>
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
    </>
  );
}
