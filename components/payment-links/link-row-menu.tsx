"use client";

import { Ban, Copy, ExternalLink, MoreHorizontal, Pencil, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { copyText } from "@/components/ui/copy-button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { useFocusFirstItemOnce } from "@/components/ui/on-demand";
import type { PaymentLinkRow } from "@/lib/payment-links/payment-links-contract";

/** A payment link row's menu. Loaded on first use (payment-links-list-controls.tsx shows a stand-in button until then) and mounted open. */
export default function LinkRowMenu({
  row,
  keyboard,
  canManage,
  onEdit,
  onDeactivate,
  onReactivate,
}: {
  row: PaymentLinkRow;
  keyboard?: boolean;
  canManage: boolean;
  onEdit(): void;
  onDeactivate(): void;
  onReactivate(): void;
}) {
  const onFocus = useFocusFirstItemOnce(keyboard);
  const copy = async () => {
    const url = `${window.location.origin}${row.path}`;
    if (await copyText(url)) toast.success("Link copied", { description: url });
    else toast.error("The link could not be copied", { description: url });
  };
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${row.name}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52" onFocus={onFocus}>
        <DropdownMenuLabel className="truncate text-xs font-normal text-muted-foreground">{row.name}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void copy()}>
          <Copy aria-hidden /> Copy link
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={row.path} target="_blank" rel="noopener noreferrer">
            <ExternalLink aria-hidden /> Open checkout in new tab
          </a>
        </DropdownMenuItem>
        {canManage && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={onEdit}>
              <Pencil aria-hidden /> Edit
            </DropdownMenuItem>
            {row.active ? (
              <DropdownMenuItem variant="destructive" onSelect={onDeactivate}>
                <Ban aria-hidden /> Deactivate
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem onSelect={onReactivate}>
                <RotateCcw aria-hidden /> Reactivate
              </DropdownMenuItem>
            )}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
