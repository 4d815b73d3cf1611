"use client";

import { useId } from "react";
import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/**
 * "Copy your key now": a new key (and a secure key's signing secret), shown once. Lives inside the
 * dialog's form, so the secret is gone from the page as soon as the dialog closes.
 */
export function KeyCreatedPanel({
  description,
  secretKey,
  signingSecret,
  onDone,
}: {
  description: React.ReactNode;
  secretKey: string;
  signingSecret: string | null;
  onDone(): void;
}) {
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  return (
    <div className="grid gap-5" data-testid="key-created">
      <DialogHeader>
        <DialogTitle>Copy your key now</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      <Alert variant="warning" role="alert">
        <TriangleAlert aria-hidden />
        <AlertTitle>This is the only time the key is shown. Store it somewhere safe.</AlertTitle>
        <AlertDescription>
          <p>
            We keep only a fingerprint of it: if it is lost, roll it or generate a new one.
            {signingSecret ? " The same goes for the signing secret." : ""}
          </p>
        </AlertDescription>
      </Alert>
      <SecretField id={`${idp}-key`} label="API key" copyLabel="key" value={secretKey} />
      {signingSecret && (
        <SecretField
          id={`${idp}-secret`}
          label="Signing secret"
          copyLabel="secret"
          value={signingSecret}
          description="Sign every request with it: the x-timestamp, x-nonce and x-signature headers."
        />
      )}
      <DialogFooter>
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </DialogFooter>
    </div>
  );
}

function SecretField({
  id,
  label,
  copyLabel,
  value,
  description,
}: {
  id: string;
  label: string;
  copyLabel: string;
  value: string;
  description?: string;
}) {
  return (
    <FormField id={id} label={label} description={description}>
      {(control) => (
        <div className="flex items-center gap-2">
          <Input
            {...control}
            value={value}
            readOnly
            aria-readonly="true"
            autoComplete="off"
            spellCheck={false}
            data-1p-ignore
            className="bg-muted/40 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={value} label={copyLabel} variant="outline" size="icon" className="size-9 shrink-0" />
        </div>
      )}
    </FormField>
  );
}
