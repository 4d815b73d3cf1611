"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils";
import { NAV_ITEMS } from "./nav";
import { useScope } from "./scope-context";
import { Logo } from "./logo";
import { TimezoneWidget } from "./timezone";

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarContent({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  const scope = useScope();
  // Each section is prefetched when the pointer or focus reaches its link, not all 14 on every page
  // load (that was 28 requests per page view, each through the gate, competing with the page's own).
  const prefetch = (href: string) => () => router.prefetch(href);
  const items = NAV_ITEMS.filter((item) => !item.permission || scope.permissions.includes(item.permission));
  return (
    <div className="flex h-full flex-col gap-4 bg-sidebar p-4 text-sidebar-foreground">
      <Link href="/" className="px-2 pt-1" onClick={onNavigate}>
        <Logo />
      </Link>
      <TimezoneWidget />
      <nav aria-label="Main" className="-mx-1 flex-1 overflow-y-auto">
        <ul className="space-y-0.5">
          {items.map((item) => {
            const active = isActive(pathname, item.href);
            const Icon = item.icon;
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  prefetch={false}
                  onMouseEnter={prefetch(item.href)}
                  onFocus={prefetch(item.href)}
                  onClick={onNavigate}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "group flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors",
                    active ? "bg-primary text-primary-foreground" : "hover:bg-sidebar-accent",
                  )}
                >
                  <Icon className="size-4 shrink-0" aria-hidden />
                  <span className="flex-1">{item.label}</span>
                  <ChevronRight className="size-3.5 opacity-50" aria-hidden />
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="flex items-center gap-3 rounded-lg border border-sidebar-border p-3" data-testid="user-card">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-primary/20 text-sm font-semibold uppercase" aria-hidden>
          {scope.organization.slice(0, 2)}
        </span>
        <div className="min-w-0">
          <p className="truncate text-sm font-medium">{scope.organization}</p>
          <p className="truncate text-xs text-muted-foreground">{scope.email}</p>
        </div>
      </div>
    </div>
  );
}

export function AppSidebar() {
  return (
    <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 border-r border-sidebar-border lg:block">
      <SidebarContent />
    </aside>
  );
}
