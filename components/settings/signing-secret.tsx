"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Eye, KeyRound, RefreshCw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { useOpenedOnce } from "@/components/ui/on-demand";
import type { SecretDialog } from "./signing-secret-dialogs";

// The dialogs (Radix Dialog, the step-up form) load on first use, not with the page (issue 14
// item 17); pointing at or focusing a button that opens one starts the download.
const loadDialogs = () => import("./signing-secret-dialogs");
const SigningSecretDialogs = dynamic(() => import("./signing-secret-dialogs"), { ssr: false });
const warm = { onPointerEnter: () => void loadDialogs(), onFocus: () => void loadDialogs() };

/**
 * Settings → Webhooks → Signing secret: "Not generated yet" and Generate, or the masked secret with
 * Reveal and Rotate. Each asks for the password again (step-up), then shows the secret in its dialog.
 */
export function SigningSecret({ hasSecret, onGenerated }: { hasSecret: boolean; onGenerated(): void }) {
  const [dialog, setDialog] = useState<SecretDialog>(null);
  const dialogsMounted = useOpenedOnce(dialog !== null);

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
            <Button type="button" variant="outline" size="sm" {...warm} onClick={() => setDialog("reveal")}>
              <Eye aria-hidden /> Reveal
            </Button>
            <Button type="button" variant="outline" size="sm" {...warm} onClick={() => setDialog("rotate")}>
              <RefreshCw aria-hidden /> Rotate
            </Button>
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <Badge variant="muted">Not generated yet</Badge>
            <span className="text-sm text-muted-foreground">Without a secret, events go unsigned to each transaction&apos;s callback URL only.</span>
            <Button type="button" {...warm} onClick={() => setDialog("generate")} className="ml-auto">
              <KeyRound aria-hidden /> Generate secret
            </Button>
          </div>
        )}
      </CardContent>

      {dialogsMounted && <SigningSecretDialogs dialog={dialog} setDialog={setDialog} onGenerated={onGenerated} />}
    </Card>
  );
}
