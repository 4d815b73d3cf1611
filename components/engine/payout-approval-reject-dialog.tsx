"use client";

import dynamic from "next/dynamic";
import { mountedOnceOpened } from "@/components/ui/on-demand";

/** The dialog's code (Radix Dialog, focus trap, scroll lock) is downloaded on first use, not with the approvals page. */
export const loadRejectPayoutDialog = () => import("./transaction-action-dialogs");

/** RejectPayoutDialog (transaction-action-dialogs.tsx), loaded on its first opening (same props); it stays mounted afterwards. */
export const LazyRejectPayoutDialog = mountedOnceOpened(
  dynamic(() => import("./transaction-action-dialogs").then((m) => m.RejectPayoutDialog), { ssr: false }),
);
