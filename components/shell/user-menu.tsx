"use client";

import { LogOut, Settings, UserCog } from "lucide-react";
import Link from "next/link";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutToLogin } from "@/lib/auth/client/sign-out";
import { useScope } from "./scope-context";

export function UserMenu() {
  const scope = useScope();
  const initials = scope.name
    .split(/\s+/)
    .map((w) => w[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu>
      {/* The name includes the initials it shows, so "User menu" and what is on screen both find it. */}
      <DropdownMenuTrigger
        aria-label={`User menu: ${initials}`}
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold uppercase text-primary-foreground"
      >
        {initials}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="font-normal">
          <p className="truncate text-sm font-medium">{scope.name}</p>
          <p className="truncate text-xs text-muted-foreground">{scope.email}</p>
          <p className="mt-1 text-xs text-muted-foreground">
            {scope.role} · {scope.organization}
          </p>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserCog aria-hidden /> Account &amp; security
          </Link>
        </DropdownMenuItem>
        {scope.permissions.includes("settings.manage") && (
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <Settings aria-hidden /> Settings
            </Link>
          </DropdownMenuItem>
        )}
        <DropdownMenuItem onSelect={() => void signOutToLogin()}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
