"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";

/** FormDialog's Radix Dialog, loaded when the dialog first opens (form-dialog.tsx); not dismissable while busy. */
export default function FormDialogShell({
  open,
  onOpenChange,
  busy,
  className,
  children,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  busy: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent className={className} onInteractOutside={(e) => busy && e.preventDefault()}>
        {children}
      </DialogContent>
    </Dialog>
  );
}
