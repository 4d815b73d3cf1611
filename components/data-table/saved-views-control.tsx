"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createSerializer, type ParserMap, type UseQueryStatesKeysMap } from "nuqs";
import { StandIn, useOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { useScopeKey } from "@/components/shell/scope-context";
import { QueryProvider } from "@/components/shell/query-provider";
import { fetchJson, listQueryKey, retryUnlessClientError } from "@/lib/client/fetch-json";
import { viewKeysOf, type SavedViewDto, type SavedViewList } from "@/lib/saved-views/lists";
import type { ListUrl } from "./use-list-url";
import type { SavedViewDialogState } from "./saved-views-dialogs";
import { SavedViewsButton } from "./saved-views-menu";

const SavedViewDialog = dynamic(() => import("./saved-views-dialogs").then((m) => m.SavedViewDialog), { ssr: false });
// The menu (Radix Popover, each view's DropdownMenu) loads on first use; until then its button stands in.
const loadPopup = () => import("./saved-views-popup");
const SavedViewsPopup = dynamic(() => import("./saved-views-popup"), { ssr: false, loading: StandIn });

type Write = (patch: Record<string, unknown>, opts: { history: "push" | "replace" }) => Promise<URLSearchParams>;

/** Two query strings hold the same keys and values (order and encoding aside). */
export function sameParams(a: string, b: string): boolean {
  const norm = (s: string) => [...new URLSearchParams(s)].map(([k, v]) => `${k}=${v}`).sort().join("&");
  return norm(a) === norm(b);
}

type Props<P extends UseQueryStatesKeysMap> = { list: ListUrl<P>; listId: SavedViewList };

/** The Views menu with its data (loaded after the page, saved-views-menu.tsx says why). */
export default function SavedViewsControl<P extends UseQueryStatesKeysMap>(props: Props<P>) {
  return (
    <QueryProvider>
      <SavedViews {...props} />
    </QueryProvider>
  );
}

/**
 * "Views": the list's saved views (the member's own, then the team's shared ones; the default
 * marked). Choosing one writes its keys to the URL in place of the list's current ones (paging
 * starts again; the market and environment stay). "Save current view…" names the current keys.
 * Arriving on the list with none of its keys in the URL applies the member's default, once.
 */
function SavedViews<P extends UseQueryStatesKeysMap>({ list, listId }: Props<P>) {
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
  const popup = useOnDemand(loadPopup);
  const button = <SavedViewsButton active={active?.name} />;

  return (
    <>
      {popup.used ? (
        <WithStandIn standIn={button}>
          <SavedViewsPopup
            trigger={button}
            open={open}
            onOpenChange={setOpen}
            views={views}
            active={active}
            current={current}
            listId={listId}
            apply={apply}
            openDialog={openDialog}
            refresh={refresh}
          />
        </WithStandIn>
      ) : (
        <SavedViewsButton
          active={active?.name}
          {...popup.trigger}
          onClick={() => {
            popup.use();
            setOpen(true);
          }}
        />
      )}
      {dialog && <SavedViewDialog state={dialog} listId={listId} params={current} onClose={() => setDialog(null)} onChanged={refresh} />}
    </>
  );
}
