"use client";

import { useState } from "react";
import { KeyRound, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { CopyButton } from "@/components/ui/copy-button";
import { beginTwoFactor, enableTwoFactor } from "@/lib/auth/account-actions";
import { FormBanner } from "./form-banner";
import { downloadText } from "@/lib/client/download-text";

type Setup = { secret: string; uri: string; qrDataUrl: string };

/**
 * Turning two-factor on: scan the QR code (or type the key), confirm with a code from the app;
 * `onEnabled` gets the ten recovery codes to show once (<RecoveryCodes/>). The parent keeps them:
 * enabling re-issues the session cookie, which refreshes the server-rendered page around us.
 * Used on the account page and on the /two-factor page (organisation requires it).
 */
export function TwoFactorSetup({
  onEnabled,
  startLabel = "Set up two-factor authentication",
}: {
  onEnabled: (recoveryCodes: string[]) => void;
  startLabel?: string;
}) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  /** Shown once the server asks for the password again (step-up: sign-in was more than 5 minutes ago). */
  const [password, setPassword] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    setError(null);
    const res = await beginTwoFactor({});
    setPending(false);
    if (!res.ok) return setError(res.error);
    setSetup(res.data);
  }

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setError("Enter the 6-digit code from your authenticator app");
    setPending(true);
    setError(null);
    const res = await enableTwoFactor({ code: code.trim(), ...(password ? { password } : {}) });
    setPending(false);
    if (!res.ok) {
      if (res.fieldErrors?.password) {
        setPassword((p) => p ?? "");
        return setPasswordError(res.fieldErrors.password[0] ?? res.error);
      }
      setCode("");
      return setError(res.fieldErrors?.code?.[0] ?? res.error);
    }
    onEnabled(res.data.recoveryCodes);
  }

  if (!setup) {
    return (
      <div className="space-y-3">
        {error && <p className="text-sm text-destructive dark:text-red-300">{error}</p>}
        <Button onClick={start} disabled={pending}>
          {pending ? <Spinner /> : <ShieldCheck aria-hidden />}
          {startLabel}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} noValidate className="space-y-5" aria-label="Two-factor setup">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
        <li>Open an authenticator app (Google Authenticator, 1Password, Authy, Microsoft Authenticator…).</li>
        <li>Scan this QR code, or enter the setup key by hand.</li>
        <li>Type the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
        <img src={setup.qrDataUrl} alt="QR code for your authenticator app" width={176} height={176} className="rounded-lg border bg-white p-2" />
        <div className="min-w-0 space-y-1 text-sm">
          <p className="flex items-center gap-1 text-muted-foreground">
            <KeyRound className="size-4" aria-hidden /> Setup key
          </p>
          <div className="flex items-center gap-1">
            <code data-testid="totp-secret" className="break-all rounded bg-muted px-2 py-1 font-mono text-xs">
              {setup.secret}
            </code>
            <CopyButton value={setup.secret} label="setup key" />
          </div>
          <p className="text-xs text-muted-foreground">Time-based, 6 digits, every 30 seconds.</p>
        </div>
      </div>
      <FormField id="totp-setup-code" label="Authentication code" error={error}>
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
          className="max-w-40"
        />
      </FormField>
      {password !== null && (
        <FormField id="totp-setup-password" label="Your password" error={passwordError} description="Confirm it is you: two-factor changes how you sign in.">
          <Input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} className="max-w-xs" />
        </FormField>
      )}
      <Button type="submit" disabled={pending}>
        {pending && <Spinner />}
        Turn on two-factor
      </Button>
    </form>
  );
}

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const all = codes.join("\n");
  const download = () => downloadText(`Kotani Pay Backoffice recovery codes\n\n${all}\n`, "kotani-pay-recovery-codes.txt", "text/plain");
  return (
    <div className="space-y-4">
      <FormBanner tone="success">
        Two-factor authentication is on. Save these recovery codes now: each one signs you in once if you lose your phone. They
        won&apos;t be shown again.
      </FormBanner>
      <ul data-testid="recovery-codes" aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg border bg-muted/40 p-4 font-mono text-sm">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton value={all} label="recovery codes" variant="outline" size="sm" className="w-auto" />
        <Button variant="outline" size="sm" onClick={download}>
          Download
        </Button>
        <Button size="sm" onClick={onDone} className="ml-auto">
          I&apos;ve saved them
        </Button>
      </div>
    </div>
  );
}
