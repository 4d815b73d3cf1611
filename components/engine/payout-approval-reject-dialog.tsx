"use client";

import dynamic from "next/dynamic";
import { useOpenedOnce } from "@/components/ui/on-demand";
import type { RejectPayoutDialog as RejectPayoutDialogType } from "./transaction-action-dialogs";

/** The dialog's code (Radix Dialog, focus trap, scroll lock) is downloaded on first use, not with the approvals page. */
export const loadRejectPayoutDialog = () => import("./transaction-action-dialogs");
const RejectPayoutDialog = dynamic(() => import("./transaction-action-dialogs").then((m) => m.RejectPayoutDialog), { ssr: false });

/** RejectPayoutDialog (transaction-action-dialogs.tsx), loaded on its first opening (same props); it stays mounted afterwards. */
export function LazyRejectPayoutDialog(props: React.ComponentProps<typeof RejectPayoutDialogType>) {
  const opened = useOpenedOnce(props.open);
  return opened ? <RejectPayoutDialog {...props} /> : null;
}
