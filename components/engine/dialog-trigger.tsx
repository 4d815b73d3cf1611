"use client";

import { useState, type ComponentType } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

export interface EngineDialogTriggerProps {
  /** The trigger's text ("New Collection" unless told, e.g. "Collect" on the wallet card). */
  label?: string;
  icon?: React.ReactNode;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
}

export interface EngineFormProps {
  onBusy(busy: boolean): void;
  onCancel(): void;
  onDone(): void;
}

/**
 * A button and the dialog it opens, for the engine's forms. The form is a next/dynamic component:
 * its code (react-hook-form, the customer search, the preview) loads when the dialog first opens,
 * not with every list page. Mounted per opening: a fresh idempotency key and reference every time.
 */
export function EngineDialogTrigger<P extends object>({
  label,
  icon,
  variant,
  size,
  className,
  Form,
  formProps,
}: EngineDialogTriggerProps & { label: string; Form: ComponentType<P & EngineFormProps>; formProps: P }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} className={className} onClick={() => setOpen(true)}>
        {icon} {label}
      </Button>
      <Dialog open={open} onOpenChange={(next) => !busy && setOpen(next)}>
        <DialogContent className="sm:max-w-lg" onInteractOutside={(e) => busy && e.preventDefault()}>
          {open && <Form {...formProps} onBusy={setBusy} onCancel={() => setOpen(false)} onDone={() => setOpen(false)} />}
        </DialogContent>
      </Dialog>
    </>
  );
}

/** What a dialog shows while its form's code loads. */
export function FormLoading() {
  return (
    <div className="flex min-h-40 items-center justify-center" role="status" aria-label="Loading the form">
      <Spinner />
    </div>
  );
}
