"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createSerializer, type ParserMap, type UseQueryStatesKeysMap } from "nuqs";
import { Bookmark, Check, MoreHorizontal, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { toast } from "@/components/ui/toaster";
import { useScopeKey } from "@/components/shell/scope-context";
import { fetchJson, listQueryKey, retryUnlessClientError } from "@/lib/client/fetch-json";
import { setDefaultSavedViewAction, updateSavedViewAction } from "@/lib/saved-views/actions";
import { viewKeysOf, type SavedViewDto, type SavedViewList } from "@/lib/saved-views/lists";
import type { ActionResult } from "@/lib/auth/guard";
import type { DataTableList } from "./use-data-table";
import type { SavedViewDialogState } from "./saved-views-dialogs";

const SavedViewDialog = dynamic(() => import("./saved-views-dialogs").then((m) => m.SavedViewDialog), { ssr: false });

type Write = (patch: Record<string, unknown>, opts: { history: "push" | "replace" }) => Promise<URLSearchParams>;

/** Two query strings hold the same keys and values (order and encoding aside). */
function sameParams(a: string, b: string): boolean {
  const norm = (s: string) => [...new URLSearchParams(s)].map(([k, v]) => `${k}=${v}`).sort().join("&");
  return norm(a) === norm(b);
}

/**
 * "Views": the list's saved views (the member's own, then the team's shared ones; the default
 * marked). Choosing one writes its keys to the URL in place of the list's current ones (paging
 * starts again; the market and environment stay). "Save current view…" names the current keys.
 * Arriving on the list with none of its keys in the URL applies the member's default, once.
 */
export function SavedViewsMenu<TData, P extends UseQueryStatesKeysMap>({ list, listId }: { list: DataTableList<TData, P>; listId: SavedViewList }) {
  const scopeKey = useScopeKey();
  const queryClient = useQueryClient();
  const queryKey = listQueryKey(scopeKey, "saved-views", listId);
  const views = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchJson<SavedViewDto[]>(`/api/saved-views/${listId}`, signal),
    retry: retryUnlessClientError,
    staleTime: 60_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey });
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<SavedViewDialogState>(null);
  const openDialog = (next: SavedViewDialogState) => {
    setOpen(false);
    setDialog(next);
  };

  const { parsers, filterKeys, setState } = list;
  const keys = useMemo(() => viewKeysOf(parsers, filterKeys), [parsers, filterKeys]);
  // The current view keys as the URL writes them (defaults left out): what "Save" stores.
  const serialize = useMemo(
    () => createSerializer(Object.fromEntries(keys.map((k) => [k, parsers[k]!])) as ParserMap) as unknown as (state: unknown) => string,
    [keys, parsers],
  );
  const current = serialize(list.state).replace(/^\?/, "");

  const apply = useCallback(
    (view: SavedViewDto, history: "push" | "replace") => {
      const saved = new URLSearchParams(view.params);
      const patch: Record<string, unknown> = {};
      for (const k of keys) {
        const raw = saved.get(k);
        patch[k] = raw === null ? null : (parsers[k] as unknown as { parse(v: string): unknown }).parse(raw);
      }
      for (const k of ["page", "cursor"]) if (Object.hasOwn(parsers, k)) patch[k] = null;
      void (setState as unknown as Write)(patch, { history });
    },
    [keys, parsers, setState],
  );

  // The default view, once per arrival, and only on a list opened without any of its keys.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !views.data) return;
    arrived.current = true;
    const preferred = views.data.find((v) => v.isDefault);
    if (preferred && current === "") apply(preferred, "replace");
  }, [views.data, current, apply]);

  const active = views.data?.find((v) => sameParams(v.params, current));
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
                setOpen(false);
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
    <>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button variant="outline" size="sm">
            <Bookmark aria-hidden /> Views{active ? `: ${active.name}` : ""}
          </Button>
        </PopoverTrigger>
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
            <Button
              variant="ghost"
              size="sm"
              className="w-full justify-start"
              onClick={() => openDialog({ kind: "save" })}
            >
              <Plus aria-hidden /> Save current view…
            </Button>
          </div>
        </PopoverContent>
      </Popover>
      {dialog && <SavedViewDialog state={dialog} listId={listId} params={current} onClose={() => setDialog(null)} onChanged={refresh} />}
    </>
  );
}
