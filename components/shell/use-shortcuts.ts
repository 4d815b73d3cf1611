"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import { useRouter } from "next/navigation";
import type { Permission } from "@/lib/auth/permissions";
import { withContext } from "@/lib/context-url";
import { visibleNavItems, type NavItem } from "./nav";
import { useScope } from "./scope-context";

/** `g` then one of these letters goes to the section (skipped when the member cannot see it). */
export const GO_SHORTCUTS: readonly { key: string; href: string }[] = [
  { key: "h", href: "/" },
  { key: "c", href: "/collections" },
  { key: "p", href: "/payouts" },
  { key: "w", href: "/wallets" },
  { key: "l", href: "/payment-links" },
  { key: "b", href: "/bulk-payments" },
  { key: "u", href: "/customers" },
  { key: "k", href: "/api-keys" },
  { key: "s", href: "/settings" },
];

/** The `g` shortcuts this member has, with their sections, in GO_SHORTCUTS order. */
export function goShortcutsFor(permissions: readonly Permission[]): { key: string; item: NavItem }[] {
  const visible = new Map(visibleNavItems(permissions).map((item) => [item.href, item]));
  return GO_SHORTCUTS.flatMap(({ key, href }) => {
    const item = visible.get(href);
    return item ? [{ key, item }] : [];
  });
}

/**
 * A dashboard link with the selected market and environment in it (`?m=KE-KES&env=sandbox`,
 * lib/context-url.ts), as every in-app navigation carries them.
 */
export function useContextHref(): (href: string) => string {
  const { environment, market } = useScope();
  return useCallback(
    (href: string) => {
      const url = withContext(new URL(href, window.location.origin), { environment, market });
      return `${url.pathname}${url.search}`;
    },
    [environment, market],
  );
}

/** The attribute on a list's search box (DataTableSearch): `/` focuses the first visible one. */
export const LIST_SEARCH_ATTRIBUTE = "data-list-search";

/** How long after `g` the second key still counts. */
const SEQUENCE_MS = 1500;

const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);

/**
 * Is the key meant for what has focus: a text field, a select, rich text, or a widget with its
 * own keys (an open menu or listbox, a combobox)? Then no shortcut fires.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target.closest('[role="menu"], [role="listbox"], [role="combobox"], [role="textbox"]') !== null;
}

/** A dialog or sheet is open: its own keys win (Escape, Tab), no page shortcut fires behind it. */
function modalIsOpen(): boolean {
  return document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]') !== null;
}

/** The page's list search box, if one is shown. */
function listSearchInput(): HTMLInputElement | null {
  const inputs = document.querySelectorAll<HTMLInputElement>(`input[${LIST_SEARCH_ATTRIBUTE}]`);
  return [...inputs].find((el) => !el.disabled && el.getClientRects().length > 0) ?? null;
}

/**
 * The dashboard's keyboard shortcuts: Ctrl/⌘+K the command palette (everywhere, also in a text
 * field), `/` the page's list search, `g` + a letter a section, `?` the list of shortcuts. Single
 * keys never fire while typing (isTypingTarget), with Ctrl, ⌘ or Alt held, or behind a dialog.
 */
export function useShortcuts({ onPalette, onHelp }: { onPalette: () => void; onHelp: () => void }) {
  const router = useRouter();
  const { permissions } = useScope();
  const contextHref = useContextHref();
  const goKeys = useMemo(() => new Map(goShortcutsFor(permissions).map(({ key, item }) => [key, item.href])), [permissions]);
  const gPressedAt = useRef<number | null>(null);
  // The latest callbacks, without re-adding the listener on every render.
  const handlers = useRef({ onPalette, onHelp });
  useEffect(() => {
    handlers.current = { onPalette, onHelp };
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault(); // the browser's own Ctrl+K (its search bar)
        handlers.current.onPalette();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const afterG = gPressedAt.current !== null && e.timeStamp - gPressedAt.current < SEQUENCE_MS;
      gPressedAt.current = null;
      if (isTypingTarget(e.target) || modalIsOpen()) return;
      if (afterG) {
        const href = goKeys.get(e.key);
        if (href) {
          e.preventDefault();
          router.push(contextHref(href));
        }
        return;
      }
      if (e.key === "g") {
        gPressedAt.current = e.timeStamp;
      } else if (e.key === "/") {
        const input = listSearchInput();
        if (input) {
          e.preventDefault(); // else the "/" lands in the box
          input.focus();
          input.select();
        }
      } else if (e.key === "?") {
        e.preventDefault();
        handlers.current.onHelp();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [goKeys, router, contextHref]);
}
