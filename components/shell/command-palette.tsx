"use client";

import { useCallback, useState } from "react";
import dynamic from "next/dynamic";
import { useShortcuts } from "./use-shortcuts";

// cmdk, Radix Dialog and the palette's code load on the first Ctrl/⌘+K, the shortcuts list on the first `?`, not with every page.
const CommandPaletteDialog = dynamic(() => import("./command-palette-dialog"), { ssr: false });
const ShortcutsDialog = dynamic(() => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog), { ssr: false });

/**
 * The dashboard's command palette and keyboard shortcuts (use-shortcuts.ts), mounted once by the
 * dashboard layout: Ctrl/⌘+K opens (or closes) the palette, `?` the list of shortcuts.
 */
export function CommandPalette() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  // Mounted from the first opening on (so closing animates and the next opening is instant).
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [helpLoaded, setHelpLoaded] = useState(false);

  const togglePalette = useCallback(() => {
    setPaletteLoaded(true);
    setHelpOpen(false);
    setPaletteOpen((open) => !open);
  }, []);
  const showShortcuts = useCallback(() => {
    setPaletteOpen(false);
    setHelpLoaded(true);
    setHelpOpen(true);
  }, []);
  useShortcuts({ onPalette: togglePalette, onHelp: showShortcuts });

  return (
    <>
      {paletteLoaded && <CommandPaletteDialog open={paletteOpen} onOpenChange={setPaletteOpen} onShowShortcuts={showShortcuts} />}
      {helpLoaded && <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />}
    </>
  );
}
