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
import { AvatarButton } from "./user-menu";

/** The user menu itself (Radix), loaded on its first opening: see user-menu.tsx. */
export default function UserMenuPopup({ defaultOpen }: { defaultOpen?: boolean }) {
  const scope = useScope();
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <AvatarButton />
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
