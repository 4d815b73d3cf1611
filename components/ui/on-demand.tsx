"use client";

import { useCallback, useState } from "react";

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
  const warm = useCallback(() => {
    // A failed download shows up when the component mounts (next/dynamic retries the import).
    load().catch(() => undefined);
  }, [load]);
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
