"use client";

import dynamic from "next/dynamic";
import { Plus } from "lucide-react";
import { useCan } from "@/components/shell/scope-context";
import { FormDialog, FormLoading, type FormDialogTriggerProps } from "@/components/ui/form-dialog";
import type { OpenableDialog } from "@/components/shell/open-on-arrival";
import type { DefaultCustomer } from "./new-collection-form";

const NewCollectionForm = dynamic(() => import("./new-collection-form").then((m) => m.NewCollectionForm), { loading: FormLoading });
const loadForm = () => import("./new-collection-form");

/**
 * "+ New Collection" (Collections, Home, the wallet card's Collect, a customer's "Request
 * payment"): an STK push to one of the customers or a typed number; `defaultCustomer` opens the
 * form with that customer selected. Only for members with collections.create.
 */
export function NewCollectionDialog({
  walletId,
  defaultCustomer,
  openParam,
  label = "New Collection",
  icon = <Plus aria-hidden />,
  ...trigger
}: FormDialogTriggerProps & { walletId?: string; defaultCustomer?: DefaultCustomer; openParam?: OpenableDialog }) {
  const canCreate = useCan("collections.create");
  if (!canCreate) return null;
  return (
    <FormDialog<{ walletId?: string; defaultCustomer?: DefaultCustomer }>
      {...trigger}
      label={label}
      icon={icon}
      Form={NewCollectionForm}
      formProps={{ walletId, defaultCustomer }}
      openParam={openParam}
      preload={loadForm}
    />
  );
}
