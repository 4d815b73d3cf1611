"use client";

import dynamic from "next/dynamic";
import { useOpenedOnce } from "@/components/ui/on-demand";
import type { ConfirmDialog as ConfirmDialogType } from "./confirm-dialog";

/** The dialog's code (Radix Dialog, focus trap, scroll lock) is downloaded on first open, not with the page. */
export const loadConfirmDialog = () => import("./confirm-dialog");
const ConfirmDialog = dynamic(() => import("./confirm-dialog").then((m) => m.ConfirmDialog), { ssr: false });

/** ConfirmDialog, loaded on its first opening (same props). */
export function LazyConfirmDialog(props: React.ComponentProps<typeof ConfirmDialogType>) {
  const opened = useOpenedOnce(props.open);
  return opened ? <ConfirmDialog {...props} /> : null;
}
