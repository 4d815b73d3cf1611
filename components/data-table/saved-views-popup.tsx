"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { Check, MoreHorizontal, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { toast } from "@/components/ui/toaster";
import { setDefaultSavedViewAction, updateSavedViewAction } from "@/lib/saved-views/actions";
import type { SavedViewDto, SavedViewList } from "@/lib/saved-views/lists";
import type { ActionResult } from "@/lib/auth/guard";
import type { SavedViewDialogState } from "./saved-views-dialogs";
import { sameParams } from "./saved-views-control";

interface Props {
  /** The "Views" button (saved-views-menu.tsx). */
  trigger: React.ReactElement;
  open: boolean;
  onOpenChange(open: boolean): void;
  views: Pick<UseQueryResult<SavedViewDto[]>, "data" | "error" | "isPending">;
  /** The view the list shows now, if any. */
  active: SavedViewDto | undefined;
  /** The list's view keys as a query string. */
  current: string;
  listId: SavedViewList;
  apply(view: SavedViewDto, history: "push" | "replace"): void;
  openDialog(next: SavedViewDialogState): void;
  refresh(): void;
}

/** The Views menu's popover, loaded on its first opening (saved-views-menu.tsx owns the state). */
export default function SavedViewsPopup({ trigger, open, onOpenChange, views, active, current, listId, apply, openDialog, refresh }: Props) {
  const mine = views.data?.filter((v) => v.visibility === "private") ?? [];
  const shared = views.data?.filter((v) => v.visibility === "shared") ?? [];

  const run = async (work: Promise<ActionResult<unknown>>, done: string) => {
    const res = await work;
    if (!res.ok) return void toast.error(res.error);
    toast.success(done);
    refresh();
  };
  const rowActions = (view: SavedViewDto) => (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="size-7 shrink-0" aria-label={`Actions for ${view.name}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuItem
          onSelect={() =>
            void run(
              setDefaultSavedViewAction({ list: listId, viewId: view.isDefault ? null : view.id }),
              view.isDefault ? "Default view cleared" : `"${view.name}" is your default view`,
            )
          }
        >
          {view.isDefault ? "Stop using as default" : "Use as my default"}
        </DropdownMenuItem>
        {view.mine && (
          <>
            <DropdownMenuItem
              disabled={sameParams(view.params, current)}
              onSelect={() => void run(updateSavedViewAction({ list: listId, viewId: view.id, params: current }), `"${view.name}" updated`)}
            >
              Save current filters to it
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => openDialog({ kind: "rename", view })}>Rename…</DropdownMenuItem>
            <DropdownMenuItem
              onSelect={() =>
                void run(
                  updateSavedViewAction({ list: listId, viewId: view.id, shared: view.visibility !== "shared" }),
                  view.visibility === "shared" ? `"${view.name}" is private again` : `"${view.name}" is shared with the team`,
                )
              }
            >
              {view.visibility === "shared" ? "Stop sharing" : "Share with the team"}
            </DropdownMenuItem>
          </>
        )}
        {view.canDelete && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={() => openDialog({ kind: "delete", view })}>
              Delete…
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
  const group = (title: string, rows: SavedViewDto[]) =>
    rows.length > 0 && (
      <div role="group" aria-labelledby={`saved-views-${title}`} className="grid gap-0.5 p-1">
        <p id={`saved-views-${title}`} className="px-2 py-1 text-xs font-medium text-muted-foreground">
          {title === "mine" ? "My views" : "Shared with the team"}
        </p>
        {rows.map((view) => (
          <div key={view.id} className="flex items-center gap-1 rounded-md hover:bg-accent">
            <button
              type="button"
              className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-current={view === active ? "true" : undefined}
              onClick={() => {
                apply(view, "push");
                onOpenChange(false);
              }}
            >
              <Check aria-hidden className={view === active ? "size-4 shrink-0" : "invisible size-4 shrink-0"} />
              <span className="truncate">{view.name}</span>
              {view.isDefault && <Badge variant="secondary">Default</Badge>}
              {!view.mine && <span className="ml-auto truncate text-xs text-muted-foreground">{view.createdBy.name}</span>}
            </button>
            {rowActions(view)}
          </div>
        ))}
      </div>
    );

  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0" aria-label="Saved views">
        <div className="max-h-80 overflow-y-auto">
          {views.isPending ? (
            <p className="p-3 text-sm text-muted-foreground">Loading views…</p>
          ) : views.error ? (
            <p role="alert" className="p-3 text-sm text-destructive">
              {views.error.message}
            </p>
          ) : mine.length + shared.length === 0 ? (
            <p className="p-3 text-sm text-muted-foreground">No saved views yet: save the current filters, sort and columns under a name.</p>
          ) : (
            <>
              {group("mine", mine)}
              {group("shared", shared)}
            </>
          )}
        </div>
        <div className="border-t p-1">
          <Button variant="ghost" size="sm" className="w-full justify-start" onClick={() => openDialog({ kind: "save" })}>
            <Plus aria-hidden /> Save current view…
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}
