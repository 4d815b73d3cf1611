"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** Asks for an authenticator (or recovery) code before turning two-factor off or renewing the codes: loaded on first use (two-factor-card.tsx). */
export function ConfirmWithCode({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  destructive,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  onConfirm: (code: string) => Promise<string | null>;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          setCode("");
          setError(null);
        }
        onOpenChange(o);
      }}
    >
      <DialogContent>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!code.trim()) return setError("Enter a code");
            setPending(true);
            const message = await onConfirm(code.trim());
            setPending(false);
            setError(message);
            if (!message) setCode("");
          }}
          className="space-y-4"
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <FormField id="confirm-code" label="Authentication or recovery code" error={error}>
            <Input autoComplete="one-time-code" maxLength={11} value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
          </FormField>
          <DialogFooter>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={pending}>
              {pending && <Spinner />}
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
