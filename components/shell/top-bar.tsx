"use client";

import dynamic from "next/dynamic";
import { Menu } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useOnDemand } from "@/components/ui/on-demand";
import { ContextSheet, EnvironmentSelector, MarketSelectors } from "./context-selectors";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function MenuButton(props: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" className="shrink-0 lg:hidden" aria-label="Open menu" {...props}>
      <Menu aria-hidden />
    </Button>
  );
}

// The phone menu's sheet (Radix Dialog) loads on first use; until then the same button stands in.
const loadMobileMenu = () => import("./mobile-menu");
const MobileMenu = dynamic(() => import("./mobile-menu"), { ssr: false, loading: () => <MenuButton /> });

export function TopBar() {
  const menu = useOnDemand(loadMobileMenu);
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur sm:px-6">
      {menu.used ? <MobileMenu defaultOpen /> : <MenuButton {...menu.trigger} />}
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
