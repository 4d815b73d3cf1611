"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { Badge } from "@/components/ui/badge";
import { toast } from "@/components/ui/toaster";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Timestamp } from "@/components/shell/timezone";
import { disableOwnTwoFactor, regenerateOwnRecoveryCodes } from "@/lib/auth/account-actions";
import { RecoveryCodes, TwoFactorSetup } from "../two-factor-setup";

export function TwoFactorSection({
  enabledAt,
  recoveryCodesLeft,
  requiredByTeam,
}: {
  enabledAt: string | null;
  recoveryCodesLeft: number;
  requiredByTeam: boolean;
}) {
  const router = useRouter();
  const [dialog, setDialog] = useState<null | "disable" | "regenerate">(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);

  // First: codes just created (kept here, across the refresh that follows enabling).
  if (newCodes) return <RecoveryCodes codes={newCodes} onDone={() => (setNewCodes(null), router.refresh())} />;

  if (!enabledAt) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-muted-foreground">
          Two-factor authentication is <strong className="text-foreground">off</strong>. Turn it on to be asked for a code from an
          authenticator app each time you sign in.
          {requiredByTeam && " Your organisation requires it."}
        </p>
        <TwoFactorSetup onEnabled={setNewCodes} />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant="success" data-testid="two-factor-status">On</Badge>
        <span className="text-muted-foreground">
          since <Timestamp value={enabledAt} /> · {recoveryCodesLeft} of 10 recovery codes left
        </span>
      </div>
      {requiredByTeam && <p className="text-sm text-muted-foreground">Your organisation requires two-factor authentication.</p>}
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={() => setDialog("regenerate")}>
          New recovery codes
        </Button>
        {!requiredByTeam && (
          <Button variant="destructive" onClick={() => setDialog("disable")}>
            Turn off two-factor
          </Button>
        )}
      </div>
      <ConfirmWithCode
        open={dialog !== null}
        onOpenChange={(o) => !o && setDialog(null)}
        title={dialog === "disable" ? "Turn off two-factor authentication" : "New recovery codes"}
        description={
          dialog === "disable"
            ? "Enter a code from your authenticator app (or a recovery code). Your other sessions will be signed out."
            : "Enter a code from your authenticator app. Your current recovery codes stop working."
        }
        confirmLabel={dialog === "disable" ? "Turn off" : "Create new codes"}
        destructive={dialog === "disable"}
        onConfirm={async (code) => {
          if (dialog === "disable") {
            const res = await disableOwnTwoFactor({ code });
            if (!res.ok) return res.fieldErrors?.code?.[0] ?? res.error;
            setDialog(null);
            toast.success("Two-factor authentication is off.");
            router.refresh();
            return null;
          }
          const res = await regenerateOwnRecoveryCodes({ code });
          if (!res.ok) return res.fieldErrors?.code?.[0] ?? res.error;
          setDialog(null);
          setNewCodes(res.data.recoveryCodes);
          return null;
        }}
      />
    </div>
  );
}

function ConfirmWithCode({
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
