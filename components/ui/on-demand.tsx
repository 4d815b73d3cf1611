"use client";

import { createContext, use, useCallback, useRef, useState, type ComponentType, type ReactNode } from "react";

/**
 * Menus, selects, popovers, dialogs and sheets load their code (Radix, floating-ui, their content)
 * on first use instead of with every page, and are not hydrated until then (issue 14 item 17:
 * first-load JS and total blocking time).
 *
 * Until first use the page renders a stand-in: a plain button that looks like the real trigger and
 * has its accessible name. Pointing at it or focusing it starts the download, so by the click the
 * code is usually there; the click mounts the real component already open, and it stays mounted.
 *
 *   const UserMenuPopup = dynamic(() => import("./user-menu-popup"), { ssr: false, loading: () => <Avatar /> });
 *   const loadUserMenu = () => import("./user-menu-popup");
 *   const menu = useOnDemand(loadUserMenu);
 *   return menu.used ? <UserMenuPopup defaultOpen /> : <Avatar {...menu.trigger} />;
 *
 * `import()` is written out twice on purpose: next/dynamic wants the literal call, and the bundler
 * gives both the same chunk.
 */
export function useOnDemand(load: () => Promise<unknown>) {
  const [used, setUsed] = useState(false);
  const warm = useCallback(() => warmUp(load)(), [load]);
  const use = useCallback(() => {
    warm();
    setUsed(true);
  }, [warm]);
  return {
    /** True from the first use on: render the real component (opened with `defaultOpen`). */
    used,
    /** Mount the real component now (opened from elsewhere: a shortcut, the URL). */
    use,
    /** Spread on the stand-in trigger. */
    trigger: { onPointerEnter: warm, onFocus: warm, onClick: use },
  };
}

const OPEN_KEYS = ["Enter", " ", "ArrowDown"];

/**
 * `useOnDemand` for a dropdown menu: the stand-in also opens on Enter, Space or ArrowDown as a
 * Radix trigger does, with the trigger's state attributes. `keyboard` says the first opening came
 * from the keyboard: pass it to the menu, whose content then focuses its first item
 * (`useFocusFirstItemOnce`), as Radix does for a keyboard opening.
 */
export function useMenuOnDemand(load: () => Promise<unknown>) {
  const menu = useOnDemand(load);
  const [keyboard, setKeyboard] = useState(false);
  const { use: mount } = menu;
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (!OPEN_KEYS.includes(event.key)) return;
      event.preventDefault();
      setKeyboard(true);
      mount();
    },
    [mount],
  );
  return {
    used: menu.used,
    keyboard,
    trigger: { ...menu.trigger, onKeyDown, "aria-haspopup": "menu" as const, "aria-expanded": false, "data-state": "closed" },
  };
}

/**
 * For DropdownMenuContent's `onFocus`: on the first opening only, when it came from the keyboard,
 * move focus from the menu to its first enabled item, as Radix does for a keyboard opening (it
 * could not tell: the key was pressed before the menu mounted).
 */
export function useFocusFirstItemOnce(keyboard: boolean | undefined) {
  const pending = useRef(Boolean(keyboard));
  return useCallback((event: React.FocusEvent<HTMLElement>) => {
    if (!pending.current || event.target !== event.currentTarget) return;
    pending.current = false;
    event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
  }, []);
}

/**
 * True from the first render where `open` is true on: a dialog whose code loads on demand is
 * mounted then and stays mounted, so it closes with its animation and keeps its state like an
 * always-mounted one.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

/**
 * A handler that starts downloading a component's code ahead of its use (pointer or focus on what
 * opens it). A failed download is ignored here: it shows up when the component mounts, and
 * next/dynamic retries the import then.
 */
export function warmUp(load: () => Promise<unknown>): () => void {
  return () => void load().catch(() => undefined);
}

/**
 * A dialog (a component with an `open` prop) loaded on demand, mounted on its first opening and kept
 * mounted afterwards (useOpenedOnce), with the same props:
 *
 *   export const LazyConfirmDialog = mountedOnceOpened(dynamic(() => import("./confirm-dialog").then((m) => m.ConfirmDialog), { ssr: false }));
 */
export function mountedOnceOpened<P extends { open: boolean }>(Dialog: ComponentType<P>): ComponentType<P> {
  return function MountedOnceOpened(props: P) {
    return useOpenedOnce(props.open) ? <Dialog {...props} /> : null;
  };
}

const StandInContext = createContext<ReactNode>(null);

/**
 * next/dynamic's `loading` gets no props, but stand-ins often show props (a filter's selected
 * values, the page size, a row's name): the owner puts its stand-in here, and `loading: StandIn`
 * shows it while the real component's code arrives.
 *
 *   const Popup = dynamic(() => import("./x-popup"), { ssr: false, loading: StandIn });
 *   <WithStandIn standIn={<XButton {...props} />}><Popup {...props} /></WithStandIn>
 */
export function WithStandIn({ standIn, children }: { standIn: ReactNode; children: ReactNode }) {
  return <StandInContext value={standIn}>{children}</StandInContext>;
}

/** The `loading` of a next/dynamic component rendered inside `WithStandIn`. */
export function StandIn() {
  return use(StandInContext);
}
