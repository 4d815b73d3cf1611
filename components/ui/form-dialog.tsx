"use client";

import { useState, type ComponentType } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { OpenOnArrival, type OpenableDialog } from "@/components/shell/open-on-arrival";

export interface FormDialogTriggerProps {
  /** The trigger's text (each dialog has its default, e.g. "New Collection"; "Collect" on the wallet card). */
  label?: string;
  icon?: React.ReactNode;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
}

/** What a form inside a FormDialog gets: report when it is busy (the dialog then stays open), close on cancel or done. */
export interface FormDialogFormProps {
  onBusy(busy: boolean): void;
  onCancel(): void;
  onDone(): void;
}

/**
 * A button and the dialog it opens, for a form. Pass a next/dynamic `Form`: its code (react-hook-form,
 * searches, previews) then loads when the dialog first opens, not with the page. The form is mounted
 * per opening (a fresh idempotency key, reference and values every time) and the dialog cannot be
 * dismissed while it is busy.
 */
export function FormDialog<P extends object>({
  label,
  icon,
  variant,
  size,
  className,
  disabled,
  title,
  contentClassName = "sm:max-w-lg",
  Form,
  formProps,
  trigger,
  open: controlledOpen,
  onOpenChange,
  openParam,
}: FormDialogTriggerProps & {
  label: string;
  /** A disabled trigger says why in its title. */
  disabled?: boolean;
  title?: string;
  contentClassName?: string;
  Form: ComponentType<P & FormDialogFormProps>;
  formProps: P;
  /** Your own trigger instead of the button, given the function that opens the dialog. */
  trigger?: (openDialog: () => void) => React.ReactNode;
  /** Controlled instead (a row menu's item opens it): no trigger is rendered. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Opens on arrival when the URL says `?open=<openParam>` (components/shell/open-on-arrival.tsx). */
  openParam?: OpenableDialog;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (controlledOpen === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  return (
    <>
      {controlledOpen !== undefined ? null : trigger ? (
        trigger(() => setOpen(true))
      ) : (
        <Button variant={variant} size={size} className={className} onClick={() => setOpen(true)} disabled={disabled} title={title}>
          {icon} {label}
        </Button>
      )}
      {openParam && <OpenOnArrival dialog={openParam} onOpen={() => setOpen(true)} />}
      <Dialog open={open} onOpenChange={(next) => !busy && setOpen(next)}>
        <DialogContent className={contentClassName} onInteractOutside={(e) => busy && e.preventDefault()}>
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

/**
 * The end of every dialog form: the form-level error (what has no field), then Cancel and the
 * submit button, which shows a spinner (and `busyLabel`) while the action runs.
 */
export function FormFooter({
  error,
  submitting,
  onCancel,
  submitLabel,
  busyLabel,
  icon,
  cancelLabel = "Cancel",
  submitDisabled = false,
  destructive = false,
}: {
  error?: string | null;
  submitting: boolean;
  onCancel(): void;
  submitLabel: React.ReactNode;
  busyLabel?: React.ReactNode;
  icon?: React.ReactNode;
  cancelLabel?: string;
  submitDisabled?: boolean;
  destructive?: boolean;
}) {
  return (
    <>
      {error && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel} disabled={submitting}>
          {cancelLabel}
        </Button>
        <Button type="submit" variant={destructive ? "destructive" : undefined} disabled={submitting || submitDisabled} aria-busy={submitting}>
          {submitting ? <Spinner label="" /> : icon}
          {submitting && busyLabel ? busyLabel : submitLabel}
        </Button>
      </DialogFooter>
    </>
  );
}
