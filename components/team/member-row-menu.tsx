"use client";

import { MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { TeamRow } from "@/lib/team/members-contract";
import { useFocusFirstItemOnce } from "@/components/ui/on-demand";

export type PendingKind = "disable" | "enable" | "remove" | "resend" | "revoke";

/**
 * A Users row's menu. Loaded on first use (users-list-controls.tsx shows a stand-in button until then) and
 * mounted open.
 */
export default function MemberRowMenu({
  row,
  keyboard,
  onChangeRole,
  onPick,
}: {
  row: TeamRow;
  keyboard?: boolean;
  onChangeRole(): void;
  onPick(kind: PendingKind): void;
}) {
  const onFocus = useFocusFirstItemOnce(keyboard);
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${row.email}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48" onFocus={onFocus}>
        <DropdownMenuLabel className="truncate text-xs font-normal text-muted-foreground">
          {row.email}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {row.kind === "invite" ? (
          <>
            <DropdownMenuItem onSelect={() => onPick("resend")}>Resend invite</DropdownMenuItem>
            <DropdownMenuItem variant="destructive" onSelect={() => onPick("revoke")}>
              Revoke invite
            </DropdownMenuItem>
          </>
        ) : (
          <>
            <DropdownMenuItem onSelect={onChangeRole}>Change role</DropdownMenuItem>
            {row.status === "disabled" ? (
              <DropdownMenuItem onSelect={() => onPick("enable")}>Re-enable</DropdownMenuItem>
            ) : (
              <DropdownMenuItem onSelect={() => onPick("disable")}>Disable</DropdownMenuItem>
            )}
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={() => onPick("remove")}>
              Remove from team
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
