"use client";

import { MoreHorizontal, RefreshCw, ShieldCheck, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useFocusFirstItemOnce } from "@/components/ui/on-demand";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";

/** Roll and revoke make sense for a key that still works. */
export const isLive = (k: ApiKeyDto) => k.status !== "revoked" && k.status !== "expired";

/** A key row's menu. Loaded on first use (api-keys-list-controls.tsx shows a stand-in button until then) and mounted open. */
export default function KeyRowMenu({
  apiKey,
  keyboard,
  onRoll,
  onPermissions,
  onRevoke,
}: {
  apiKey: ApiKeyDto;
  keyboard?: boolean;
  onRoll(): void;
  onPermissions(): void;
  onRevoke(): void;
}) {
  const onFocus = useFocusFirstItemOnce(keyboard);
  const live = isLive(apiKey);
  const userBound = apiKey.owner.kind === "user" && apiKey.status !== "revoked";
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${apiKey.name}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48" onFocus={onFocus}>
        <DropdownMenuLabel className="truncate text-xs font-normal text-muted-foreground">{apiKey.name}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {live && (
          <DropdownMenuItem onSelect={onRoll}>
            <RefreshCw aria-hidden /> Roll
          </DropdownMenuItem>
        )}
        {userBound && (
          <DropdownMenuItem onSelect={onPermissions}>
            <ShieldCheck aria-hidden /> Permissions
          </DropdownMenuItem>
        )}
        {live && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={onRevoke}>
              <Trash2 aria-hidden /> Revoke
            </DropdownMenuItem>
          </>
        )}
        {!live && !userBound && (
          <DropdownMenuItem disabled>
            {apiKey.status === "revoked" ? "Revoked: nothing to change" : "Expired: nothing to change"}
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
