"use client";

import { useCallback, useState } from "react";
import { Ban, RotateCcw } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { LazyConfirmDialog, loadConfirmDialog } from "@/components/team/lazy-confirm-dialog";
import { useCan, useRefreshScope } from "@/components/shell/scope-context";
import { setPaymentLinkActiveAction } from "@/lib/payment-links/actions";
import type { PaymentLinkDto } from "@/lib/payment-links/link-dto";

const OFFLINE = "Could not reach the server. Check your connection and try again.";

/**
 * Deactivate or reactivate a link: toasts the outcome and asks the server for the page again (the
 * list's row, or the link's page, is rendered there).
 * Throws the refusal's message (for ConfirmDialog, which shows it); `quiet` toasts it instead.
 */
export function useSetLinkActive(): (link: Pick<PaymentLinkDto, "id" | "name">, active: boolean, opts?: { quiet?: boolean }) => Promise<boolean> {
  const refresh = useRefreshScope();
  return useCallback(
    async (link, active, opts = {}) => {
      let message: string;
      try {
        const res = await setPaymentLinkActiveAction({ linkId: link.id, active });
        if (res.ok) {
          toast.success(res.data.message, {
            description: active ? `${link.name} can be paid again.` : `${link.name} no longer accepts payments.`,
          });
          refresh();
          return true;
        }
        message = res.error;
      } catch {
        message = OFFLINE;
      }
      if (opts.quiet) {
        toast.error(message);
        return false;
      }
      throw new Error(message);
    },
    [refresh],
  );
}

/**
 * "Deactivate payment link?": a controlled confirmation (the link page's button and the list's row
 * menu). Its code (Radix Dialog) loads when it first opens.
 */
export function DeactivateLinkDialog({
  link,
  open,
  onOpenChange,
}: {
  link: Pick<PaymentLinkDto, "id" | "name">;
  open: boolean;
  onOpenChange(open: boolean): void;
}) {
  const setActive = useSetLinkActive();
  return (
    <LazyConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Deactivate payment link?"
      description={`${link.name}'s checkout stops accepting payments at once. Payments already started still complete, and you can reactivate it at any time.`}
      confirmLabel="Deactivate"
      destructive
      onConfirm={async () => {
        await setActive(link, false);
      }}
    />
  );
}

/**
 * "Deactivate" (after a confirmation) or "Reactivate" (at once), for members with
 * payment_links.manage only.
 */
export function LinkActiveButton({
  link,
  variant = "outline",
  size,
  className,
}: {
  link: PaymentLinkDto;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
}) {
  const canManage = useCan("payment_links.manage");
  const setActive = useSetLinkActive();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canManage) return null;

  if (link.active) {
    return (
      <>
        <Button
          variant={variant}
          size={size}
          className={className}
          onPointerEnter={() => void loadConfirmDialog()}
          onFocus={() => void loadConfirmDialog()}
          onClick={() => setConfirming(true)}
        >
          <Ban aria-hidden /> Deactivate
        </Button>
        <DeactivateLinkDialog link={link} open={confirming} onOpenChange={setConfirming} />
      </>
    );
  }

  const reactivate = async () => {
    setBusy(true);
    try {
      await setActive(link, true, { quiet: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant={variant} size={size} className={className} onClick={() => void reactivate()} disabled={busy} aria-busy={busy}>
      {busy ? <Spinner label="" /> : <RotateCcw aria-hidden />} Reactivate
    </Button>
  );
}
