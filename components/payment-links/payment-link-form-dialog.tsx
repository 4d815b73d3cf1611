"use client";

import dynamic from "next/dynamic";
import { Pencil, Plus } from "lucide-react";
import type { ButtonProps } from "@/components/ui/button";
import { FormDialog, FormLoading } from "@/components/ui/form-dialog";
import { useCan } from "@/components/shell/scope-context";
import type { PaymentLinkDto } from "@/lib/payment-links/link-dto";
import type { PaymentLinkFormProps } from "./payment-link-form";

/** The form (react-hook-form, zod, the QR encoder of its success step) loads when the dialog first opens, not with the page. */
export const loadPaymentLinkForm = () => import("./payment-link-form");
const PaymentLinkForm = dynamic(() => import("./payment-link-form").then((m) => m.PaymentLinkForm), { loading: FormLoading });

const CONTENT_CLASS = "sm:max-w-2xl";

export type PaymentLinkFormDialogProps = ({ mode: "create" } | { mode: "edit"; link: PaymentLinkDto }) & {
  /** The default trigger's text ("Create payment link" / "Edit"). */
  label?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
  /**
   * Your own trigger instead of the button: called with the function that opens the dialog,
   * e.g. `trigger={(open) => <Button onClick={open}>Edit link</Button>}`.
   */
  trigger?: (openDialog: () => void) => React.ReactNode;
  /**
   * Controlled instead (a row menu's "Edit"): the dialog is open while `open` is true and no
   * trigger is rendered.
   */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * "Create payment link" / "Edit": a trigger and the dialog with the link's form, for members with
 * payment_links.manage only. A created link's URL and QR code are shown before the dialog closes.
 */
export function PaymentLinkFormDialog(props: PaymentLinkFormDialogProps) {
  const canManage = useCan("payment_links.manage");
  if (!canManage) return null;
  const formProps: PaymentLinkFormProps = props.mode === "edit" ? { link: props.link } : {};

  const editing = props.mode === "edit";
  return (
    <FormDialog<PaymentLinkFormProps>
      label={props.label ?? (editing ? "Edit" : "Create payment link")}
      icon={editing ? <Pencil aria-hidden /> : <Plus aria-hidden />}
      variant={props.variant ?? (editing ? "outline" : undefined)}
      size={props.size}
      className={props.className}
      contentClassName={CONTENT_CLASS}
      Form={PaymentLinkForm}
      formProps={formProps}
      trigger={props.trigger}
      open={props.open}
      onOpenChange={props.onOpenChange}
      preload={loadPaymentLinkForm}
    />
  );
}
