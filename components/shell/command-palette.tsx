"use client";

import { useCallback, useState } from "react";
import dynamic from "next/dynamic";
import { useShortcuts } from "./use-shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";

// cmdk and the palette's code load on the first Ctrl/⌘+K, not with every page.
const CommandPaletteDialog = dynamic(() => import("./command-palette-dialog"), { ssr: false });

/**
 * The dashboard's command palette and keyboard shortcuts (use-shortcuts.ts), mounted once by the
 * dashboard layout: Ctrl/⌘+K opens (or closes) the palette, `?` the list of shortcuts.
 */
export function CommandPalette() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  // Mounted from the first opening on (so closing animates and the next opening is instant).
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  const togglePalette = useCallback(() => {
    setPaletteLoaded(true);
    setHelpOpen(false);
    setPaletteOpen((open) => !open);
  }, []);
  const showShortcuts = useCallback(() => {
    setPaletteOpen(false);
    setHelpOpen(true);
  }, []);
  useShortcuts({ onPalette: togglePalette, onHelp: showShortcuts });

  return (
    <>
      {paletteLoaded && <CommandPaletteDialog open={paletteOpen} onOpenChange={setPaletteOpen} onShowShortcuts={showShortcuts} />}
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </>
  );
}
