"use client";

import dynamic from "next/dynamic";
import { mountedOnceOpened } from "@/components/ui/on-demand";

/** The dialog's code (Radix Dialog, focus trap, scroll lock) is downloaded on first open, not with the page. */
export const loadConfirmDialog = () => import("./confirm-dialog");

/** ConfirmDialog, loaded on its first opening (same props). */
export const LazyConfirmDialog = mountedOnceOpened(dynamic(() => import("./confirm-dialog").then((m) => m.ConfirmDialog), { ssr: false }));
