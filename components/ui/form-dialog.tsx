"use client";

import { useCallback, useState, type ComponentType } from "react";
import dynamic from "next/dynamic";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { OpenOnArrival, type OpenableDialog } from "@/components/shell/open-on-arrival";

// The dialog itself (Radix Dialog, its focus trap and scroll lock) loads when it first opens, or
// when the pointer or focus reaches its button; it stays mounted afterwards.
const loadShell = () => import("./form-dialog-shell");
const FormDialogShell = dynamic(() => import("./form-dialog-shell"), { ssr: false });

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
 * dismissed while it is busy. The dialog's own code (Radix) loads on first opening too; `preload`
 * (the Form's `import()`) lets the button fetch both as soon as the pointer or focus reaches it.
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
  preload,
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
  /** The Form's code, fetched ahead when the pointer or focus reaches the button: `() => import("./my-form")`. */
  preload?: () => Promise<unknown>;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const open = controlledOpen ?? ownOpen;
  // Mounted from the first opening on (closing animates, and focus goes back to the button).
  const [used, setUsed] = useState(false);
  if (open && !used) setUsed(true);
  const setOpen = (next: boolean) => {
    if (controlledOpen === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const warm = useCallback(() => {
    // A failed download shows up when the dialog mounts (next/dynamic retries the import).
    loadShell().catch(() => undefined);
    preload?.().catch(() => undefined);
  }, [preload]);
  return (
    <>
      {controlledOpen !== undefined ? null : trigger ? (
        trigger(() => setOpen(true))
      ) : (
        <Button
          variant={variant}
          size={size}
          className={className}
          onClick={() => setOpen(true)}
          onPointerEnter={warm}
          onFocus={warm}
          disabled={disabled}
          title={title}
        >
          {icon} {label}
        </Button>
      )}
      {openParam && <OpenOnArrival dialog={openParam} onOpen={() => setOpen(true)} />}
      {used && (
        <FormDialogShell open={open} onOpenChange={setOpen} busy={busy} className={contentClassName}>
          {open && <Form {...formProps} onBusy={setBusy} onCancel={() => setOpen(false)} onDone={() => setOpen(false)} />}
        </FormDialogShell>
      )}
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
      {/* DialogFooter's markup, written out: this file must not pull Radix Dialog into the page. */}
      <div data-slot="dialog-footer" className="ui-dialog-footer">
        <Button type="button" variant="outline" onClick={onCancel} disabled={submitting}>
          {cancelLabel}
        </Button>
        <Button type="submit" variant={destructive ? "destructive" : undefined} disabled={submitting || submitDisabled} aria-busy={submitting}>
          {submitting ? <Spinner label="" /> : icon}
          {submitting && busyLabel ? busyLabel : submitLabel}
        </Button>
      </div>
    </>
  );
}
