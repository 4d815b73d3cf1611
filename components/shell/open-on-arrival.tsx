"use client";

import { useEffect, useRef } from "react";
import { parseAsString, useQueryState } from "nuqs";

/**
 * `?open=<dialog>`: a link (the command palette's "Send money", "New collection") that lands on a
 * page with one of its dialogs open. The page's dialog names itself (FormDialog's `openParam`).
 */
export const OPEN_PARAM = "open";
export type OpenableDialog = "new-collection" | "send-money";

export function openDialogHref(path: string, dialog: OpenableDialog): string {
  return `${path}?${new URLSearchParams({ [OPEN_PARAM]: dialog })}`;
}

/**
 * Calls `onOpen` when the URL asks for `dialog` (on arrival, or when a link adds it later), then
 * drops the parameter: a reload or Back does not open it again.
 */
export function OpenOnArrival({ dialog, onOpen }: { dialog: OpenableDialog; onOpen: () => void }) {
  const [value, setValue] = useQueryState(OPEN_PARAM, parseAsString.withOptions({ history: "replace", scroll: false }));
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  });
  useEffect(() => {
    if (value !== dialog) return;
    open.current();
    void setValue(null);
  }, [value, dialog, setValue]);
  return null;
}
