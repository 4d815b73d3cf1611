"use client";

import { useRef } from "react";
import Link from "next/link";
import { cn } from "@/lib/utils";

export interface LinkTab<T extends string> {
  value: T;
  label: React.ReactNode;
  /** The URL that shows this tab (a new tab or window opens it; a plain click calls `onOpen`). */
  href: string;
}

/**
 * Tabs whose choice lives in the URL and whose panel the server renders: each tab is a link, a
 * plain click calls `onOpen` (a server navigation, usually in a transition: `pending` dims the
 * panel and marks it busy until the next one arrives). The ARIA tabs pattern with manual
 * activation: arrow keys, Home and End move the focus between tabs, Enter or Space opens one, so
 * walking the tabs does not ask the server for each. No Radix: the tabs hydrate as a few links.
 */
export function LinkTabs<T extends string>({
  label,
  tabs,
  selected,
  onOpen,
  pending,
  idPrefix,
  className,
  listClassName,
  triggerClassName,
  panelClassName,
  children,
}: {
  /** The tab list's accessible name. */
  label: string;
  tabs: readonly LinkTab<T>[];
  selected: T;
  onOpen: (value: T) => void;
  pending?: boolean;
  /** Makes the tabs' and panel's ids: `${idPrefix}-tab-${value}`, `${idPrefix}-panel`. */
  idPrefix: string;
  className?: string;
  listClassName?: string;
  triggerClassName?: string;
  panelClassName?: string;
  /** The selected tab's panel. */
  children: React.ReactNode;
}) {
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  const tabId = (v: T) => `${idPrefix}-tab-${v}`;
  const panelId = `${idPrefix}-panel`;
  const onKeyDown = (e: React.KeyboardEvent<HTMLAnchorElement>, i: number) => {
    const last = tabs.length - 1;
    const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      refs.current[to]?.focus();
    } else if (e.key === " ") {
      e.preventDefault();
      if (tabs[i]!.value !== selected) onOpen(tabs[i]!.value);
    }
  };
  return (
    <div data-slot="tabs" className={cn("ui-tabs", className)}>
      <div role="tablist" aria-label={label} aria-orientation="horizontal" className={cn("ui-tabs-list", listClassName)}>
        {tabs.map((t, i) => {
          const active = t.value === selected;
          return (
            <Link
              key={t.value}
              ref={(el) => {
                refs.current[i] = el;
              }}
              href={t.href}
              prefetch={false}
              id={tabId(t.value)}
              role="tab"
              aria-selected={active}
              aria-controls={active ? panelId : undefined}
              tabIndex={active ? 0 : -1}
              data-state={active ? "active" : "inactive"}
              className={cn("ui-tabs-trigger", triggerClassName)}
              onKeyDown={(e) => onKeyDown(e, i)}
              onClick={(e) => {
                // A new tab or window (modifier keys, middle click) is the link's.
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
                e.preventDefault();
                if (!active) onOpen(t.value);
              }}
            >
              {t.label}
            </Link>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(selected)}
        tabIndex={0}
        data-state="active"
        aria-busy={pending || undefined}
        className={cn("ui-tabs-content", panelClassName, pending && "opacity-60 transition-opacity")}
      >
        {children}
      </div>
    </div>
  );
}
