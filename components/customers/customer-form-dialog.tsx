"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Ban, Pencil, Plus, RotateCcw } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { useCan, useRefreshScope, useScope } from "@/components/shell/scope-context";
import { FormDialog, FormLoading } from "@/components/ui/form-dialog";
import { reactivateCustomerAction } from "@/lib/customers/actions";
import type { EditableCustomer, SuspendableCustomer } from "@/lib/customers/schemas";
import { outOfMarketHint, who } from "./customer-dialog-utils";

/**
 * The forms (react-hook-form, the name lookup) load when a dialog first opens, not with the page;
 * pointing at or focusing a button fetches them ahead (FormDialog's `preload`).
 */
const loadForms = () => import("./customer-forms");
const CustomerForm = dynamic(() => import("./customer-forms").then((m) => m.CustomerForm), { loading: FormLoading });
const SuspendForm = dynamic(() => import("./customer-forms").then((m) => m.SuspendForm), { loading: FormLoading });

interface TriggerProps {
  label?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
}

/** "Add Customer": a trigger and the dialog, for members with customers.manage only. */
export function AddCustomerDialog({ label = "Add Customer", variant, size }: TriggerProps) {
  const canManage = useCan("customers.manage");
  if (!canManage) return null;
  return (
    <FormDialog<{ customer?: EditableCustomer }>
      label={label}
      icon={<Plus aria-hidden />}
      variant={variant}
      size={size}
      contentClassName="sm:max-w-xl"
      Form={CustomerForm}
      formProps={{}}
      preload={loadForms}
    />
  );
}

/** "Edit": the customer's bio, number and bank payee. */
export function EditCustomerDialog({ customer, label = "Edit", variant = "outline", size }: TriggerProps & { customer: EditableCustomer }) {
  const canManage = useCan("customers.manage");
  const { market } = useScope();
  if (!canManage) return null;
  const hint = outOfMarketHint(customer.countryCode, market.country);
  return (
    <FormDialog<{ customer?: EditableCustomer }>
      label={label}
      icon={<Pencil aria-hidden />}
      variant={variant}
      size={size}
      disabled={!!hint}
      title={hint}
      contentClassName="sm:max-w-xl"
      Form={CustomerForm}
      formProps={{ customer }}
      preload={loadForms}
    />
  );
}

/** "Suspend": until a future date and time; a suspended customer can't be asked to pay or be paid. */
export function SuspendCustomerDialog({ customer, label = "Suspend", variant = "outline", size }: TriggerProps & { customer: SuspendableCustomer }) {
  const canManage = useCan("customers.manage");
  const { market } = useScope();
  if (!canManage) return null;
  const hint = outOfMarketHint(customer.countryCode, market.country);
  return (
    <FormDialog<{ customer: SuspendableCustomer }>
      label={label}
      icon={<Ban aria-hidden />}
      variant={variant}
      size={size}
      disabled={!!hint}
      title={hint}
      contentClassName=""
      Form={SuspendForm}
      formProps={{ customer }}
      preload={loadForms}
    />
  );
}

/** "Reactivate": a suspended customer is active again at once. */
export function ReactivateCustomerButton({ customer, label = "Reactivate", variant = "outline", size }: TriggerProps & { customer: SuspendableCustomer }) {
  const canManage = useCan("customers.manage");
  const { market } = useScope();
  const invalidate = useRefreshScope();
  const [busy, setBusy] = useState(false);
  if (!canManage) return null;
  const hint = outOfMarketHint(customer.countryCode, market.country);

  const reactivate = async () => {
    setBusy(true);
    try {
      const res = await reactivateCustomerAction({ customerId: customer.id });
      if (res.ok) {
        toast.success(res.data.message, { description: `${who(customer)} can pay and be paid again.` });
        invalidate();
      } else {
        toast.error(res.error);
      }
    } catch {
      toast.error("Could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant={variant} size={size} onClick={() => void reactivate()} disabled={busy || !!hint} aria-busy={busy} title={hint}>
      {busy ? <Spinner label="" /> : <RotateCcw aria-hidden />} {label}
    </Button>
  );
}
