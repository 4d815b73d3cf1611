"use client";

import dynamic from "next/dynamic";
import { useOnDemand } from "@/components/ui/on-demand";
import { useScope } from "./scope-context";

/** The round button with the member's initials; its name includes them, so "User menu" and what is on screen both find it. */
export function AvatarButton(props: React.ComponentProps<"button">) {
  const { name } = useScope();
  const initials = name
    .split(/\s+/)
    .map((w) => w[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <button
      type="button"
      aria-label={`User menu: ${initials}`}
      aria-haspopup="menu"
      aria-expanded={false}
      className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold uppercase text-primary-foreground"
      {...props}
    >
      {initials}
    </button>
  );
}

// The menu (Radix DropdownMenu) loads on first use; until then the same button stands in.
const loadPopup = () => import("./user-menu-popup");
const UserMenuPopup = dynamic(() => import("./user-menu-popup"), { ssr: false, loading: () => <AvatarButton /> });

export function UserMenu() {
  const menu = useOnDemand(loadPopup);
  return menu.used ? <UserMenuPopup defaultOpen /> : <AvatarButton {...menu.trigger} />;
}
