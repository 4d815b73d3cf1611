"use client";

import dynamic from "next/dynamic";
import { Plus } from "lucide-react";
import { useCan } from "@/components/shell/scope-context";
import { EngineDialogTrigger, FormLoading, type EngineDialogTriggerProps } from "./dialog-trigger";

const NewCollectionForm = dynamic(() => import("./new-collection-form").then((m) => m.NewCollectionForm), { loading: FormLoading });

/**
 * "+ New Collection" (Collections, Home, the wallet card's Collect): an STK push to one of the
 * customers or a typed number. Only for members with collections.create.
 */
export function NewCollectionDialog({
  walletId,
  defaultCustomerId,
  defaultPhone,
  label = "New Collection",
  icon = <Plus aria-hidden />,
  ...trigger
}: EngineDialogTriggerProps & { walletId?: string; defaultCustomerId?: string; defaultPhone?: string }) {
  const canCreate = useCan("collections.create");
  if (!canCreate) return null;
  return <EngineDialogTrigger<{ walletId?: string; defaultCustomerId?: string; defaultPhone?: string }> {...trigger} label={label} icon={icon} Form={NewCollectionForm} formProps={{ walletId, defaultCustomerId, defaultPhone }} />;
}
