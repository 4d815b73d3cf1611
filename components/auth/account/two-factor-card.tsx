"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { toast } from "@/components/ui/toaster";
import { mountedOnceOpened, warmUp } from "@/components/ui/on-demand";
import { Timestamp } from "@/components/shell/timezone";
import { disableOwnTwoFactor, regenerateOwnRecoveryCodes } from "@/lib/auth/account-actions";
import { RecoveryCodes, TwoFactorSetup } from "../two-factor-setup";

// The code dialog (Radix Dialog, its focus trap and scroll lock) loads when a button first opens
// it, or when the pointer or focus reaches one of them; it stays mounted afterwards.
const warm = warmUp(() => import("./confirm-with-code-dialog"));
const ConfirmWithCode = mountedOnceOpened(dynamic(() => import("./confirm-with-code-dialog").then((m) => m.ConfirmWithCode), { ssr: false }));

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
        <Button variant="outline" onClick={() => setDialog("regenerate")} onPointerEnter={warm} onFocus={warm}>
          New recovery codes
        </Button>
        {!requiredByTeam && (
          <Button variant="destructive" onClick={() => setDialog("disable")} onPointerEnter={warm} onFocus={warm}>
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
