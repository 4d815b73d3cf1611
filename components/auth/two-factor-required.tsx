"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signOutToLogin } from "@/lib/auth/client/sign-out";
import { Button } from "@/components/ui/button";
import { RecoveryCodes, TwoFactorSetup } from "./two-factor-setup";

/** The /two-factor page's body: set up, save the recovery codes, continue to the dashboard. */
export function TwoFactorRequired({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const proceed = () => {
    router.replace("/");
    router.refresh();
  };
  return (
    <div className="mt-6 space-y-6">
      {codes ? (
        <RecoveryCodes codes={codes} onDone={proceed} />
      ) : enabled ? (
        <div className="space-y-3">
          <p className="text-sm">Two-factor authentication is on for your account.</p>
          <Button onClick={proceed}>Continue to the dashboard</Button>
        </div>
      ) : (
        <TwoFactorSetup startLabel="Set up two-factor authentication" onEnabled={setCodes} />
      )}
      <button
        type="button"
        className="text-sm text-muted-foreground hover:text-foreground"
        onClick={() => void signOutToLogin()}
      >
        Sign out
      </button>
    </div>
  );
}
