"use client";

import { useState } from "react";
import { Menu } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTitle } from "@/components/ui/sheet";
import { SidebarContent } from "./app-sidebar";
import { ContextSheet, EnvironmentSelector, MarketSelectors } from "./context-selectors";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function TopBar() {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur sm:px-6">
      <Button variant="ghost" size="icon" className="shrink-0 lg:hidden" aria-label="Open menu" onClick={() => setMenuOpen(true)}>
        <Menu aria-hidden />
      </Button>
      <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
        <SheetContent side="left" className="w-72 p-0">
          <SheetTitle className="sr-only">Menu</SheetTitle>
          <SidebarContent onNavigate={() => setMenuOpen(false)} />
        </SheetContent>
      </Sheet>
      {/* One line at every width (320 px included): below md the selectors fold into one button and a sheet. */}
      <div className="ml-auto flex min-w-0 items-center justify-end gap-2">
        <div className="hidden items-center gap-2 md:flex">
          <MarketSelectors />
          <EnvironmentSelector />
        </div>
        <ContextSheet className="md:hidden" />
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  );
}
