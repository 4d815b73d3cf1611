"use client";

import dynamic from "next/dynamic";
import { Send } from "lucide-react";
import { useCan } from "@/components/shell/scope-context";
import { FormDialog, FormLoading, type FormDialogTriggerProps } from "@/components/ui/form-dialog";
import type { OpenableDialog } from "@/components/shell/open-on-arrival";
import type { DefaultCustomer } from "./new-collection-form";

const SendMoneyForm = dynamic(() => import("./send-money-form").then((m) => m.SendMoneyForm), { loading: FormLoading });
const loadForm = () => import("./send-money-form");

/**
 * "Send Money" (Payouts, the wallet card's Payout, a customer's "Send money"): mobile money, bank,
 * till or paybill from the market's wallet (or `walletId`), with a live preview of the fee and the
 * balance after, then a review step before the money moves; `defaultCustomer` opens the form with
 * that customer selected as the mobile-money recipient. Only for members with payouts.create.
 */
export function SendMoneyDialog({
  walletId,
  defaultCustomer,
  openParam,
  label = "Send Money",
  icon = <Send aria-hidden />,
  ...trigger
}: FormDialogTriggerProps & { walletId?: string; defaultCustomer?: DefaultCustomer; openParam?: OpenableDialog }) {
  const canCreate = useCan("payouts.create");
  if (!canCreate) return null;
  return (
    <FormDialog<{ walletId?: string; defaultCustomer?: DefaultCustomer }>
      {...trigger}
      label={label}
      icon={icon}
      Form={SendMoneyForm}
      formProps={{ walletId, defaultCustomer }}
      openParam={openParam}
      preload={loadForm}
    />
  );
}
