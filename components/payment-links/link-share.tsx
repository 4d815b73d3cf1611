"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

/** The page's origin: "" on the server pass and during hydration, the real one after (no hydration mismatch). */
const noSubscription = () => () => {};
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

/** The QR code's pixels: big enough to print on a poster. */
const QR_WIDTH = 512;

/**
 * A payment link to share: its absolute URL (the path on the server pass, the origin added once
 * mounted), a copy button, and its QR code with a PNG download. The QR encoder loads on demand,
 * never with the page.
 */
export function LinkShare({ path, name, className }: { path: string; name: string; className?: string }) {
  const origin = useOrigin();
  const url = `${origin}${path}`;
  const shortCode = path.split("/").filter(Boolean).pop() ?? "link";
  const [qr, setQr] = useState<{ url: string; dataUrl: string | null; error?: string } | null>(null);

  useEffect(() => {
    if (!origin) return;
    let cancelled = false;
    import("qrcode")
      .then((QRCode) => QRCode.toDataURL(url, { width: QR_WIDTH, margin: 2, errorCorrectionLevel: "M" }))
      .then((dataUrl) => !cancelled && setQr({ url, dataUrl }))
      .catch(() => !cancelled && setQr({ url, dataUrl: null, error: "The QR code could not be made" }));
    return () => {
      cancelled = true;
    };
  }, [origin, url]);

  const current = qr?.url === url ? qr : null;

  const download = () => {
    if (!current?.dataUrl) return;
    const a = document.createElement("a");
    a.href = current.dataUrl;
    a.download = `payment-link-${shortCode}.png`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <div className={cn("grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start", className)} data-testid="link-share">
      <div className="grid min-w-0 gap-1.5">
        <div className="flex items-center gap-2">
          <Input
            readOnly
            value={url}
            aria-label="Payment link URL"
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={url} label="payment link" variant="outline" size="icon" className="size-9" disabled={!origin} />
        </div>
        <p className="text-xs text-muted-foreground">Anyone with this link or QR code can pay it.</p>
      </div>
      <div className="grid justify-items-center gap-2">
        {current?.dataUrl ? (
          // A data: URL of a generated PNG: next/image has nothing to optimise.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={current.dataUrl} alt={`QR code for ${name}`} width={144} height={144} className="size-36 rounded-md border bg-white" />
        ) : current?.error ? (
          <p className="w-36 text-center text-xs text-destructive dark:text-red-300" role="alert">
            {current.error}
          </p>
        ) : (
          <div role="status" aria-label="Making the QR code">
            <Skeleton className="size-36" />
          </div>
        )}
        <Button type="button" variant="outline" size="sm" onClick={download} disabled={!current?.dataUrl}>
          <Download aria-hidden /> Download QR (PNG)
        </Button>
      </div>
    </div>
  );
}
