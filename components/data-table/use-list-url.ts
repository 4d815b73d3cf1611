"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import { useQueryStates, type SetValues, type UseQueryStatesKeysMap, type Values } from "nuqs";
import { columnVisibilityKeys, type ColumnDefaults } from "@/lib/client/list-params";
import { useList } from "./list-context";

/**
 * A server-rendered list's URL state, for its client controls (toolbar, pagination, saved views):
 * read with the list contract's parser map (the server page reads the same one with createLoader)
 * and written as a server navigation inside the list's transition, so the page renders the new
 * rows and the old ones stay on screen, dimmed, until then. The URL keys it knows by name (each
 * optional):
 *
 *   q · <filter keys> · sort ("column.asc|desc") · page · cursor (keyset lists) · size · hide · show
 *
 * Filters and sort changes start again at page 1 (and drop the cursor); paging keeps the filters.
 * Keys the map does not define (the market `m` and environment `env`, anything else) are left alone.
 */
export interface ListUrl<P extends UseQueryStatesKeysMap = UseQueryStatesKeysMap> {
  /** The URL state, parsed. */
  state: Values<P>;
  /** The parser map and filter keys it was given (saved views read and write the list's keys with them). */
  parsers: P;
  filterKeys: readonly (keyof P & string)[];
  /** Writes URL state as is (`shallow: true` for keys only the client reads, e.g. an open detail). */
  setState: SetValues<P>;
  /** Sets filters (null or [] clears one) and starts again at page 1. */
  setFilters: (changes: Record<string, unknown>) => void;
  /** Clears every filter (search included) and the paging. */
  resetFilters: () => void;
  /** Clears filters, sort, paging and page size: the list's default view. */
  resetView: () => void;
  isFiltered: boolean;
  /** Reads a filter (or any key) of the URL state. */
  value: (key: string) => unknown;
  page: number;
  pageSize: number;
  nextPage: (answer: { nextCursor?: string | null }) => void;
  prevPage: (answer: { prevCursor?: string | null }) => void;
  setPageSize: (size: number) => void;
  /** Shows exactly the columns `visible` says (the rest of `defaults` keep their default). */
  setColumnVisibility: (defaults: ColumnDefaults, visible: Record<string, boolean>) => void;
}

function isSet(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== "";
}

export function useListUrl<P extends UseQueryStatesKeysMap>({
  parsers,
  filterKeys,
  resolvedPage,
}: {
  parsers: P;
  /** The keys of `parsers` that filter the rows (search included): Reset clears them. */
  filterKeys: readonly (keyof P & string)[];
  /** The page the server answered: a page past the end comes back as the last page, and the URL follows it. */
  resolvedPage?: number;
}): ListUrl<P> {
  const { startTransition } = useList();
  const [state, setState] = useQueryStates(parsers, { clearOnDefault: true, shallow: false, startTransition });
  const s = state as Record<string, unknown>;
  const write = setState as unknown as (
    patch: Record<string, unknown>,
    opts?: { history?: "push" | "replace"; shallow?: boolean },
  ) => Promise<URLSearchParams>;
  const has = useCallback((key: string) => Object.hasOwn(parsers, key), [parsers]);

  const page = typeof s.page === "number" ? s.page : 1;
  const pageSize = typeof s.size === "number" ? s.size : 0;

  /** Paging keys to clear on a filter or sort change. */
  const firstPage = useMemo(
    () => ({ ...(has("page") ? { page: null } : {}), ...(has("cursor") ? { cursor: null } : {}) }),
    [has],
  );

  const setFilters = useCallback(
    (changes: Partial<Record<string, unknown>>) => {
      const cleaned = Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [
          k,
          Array.isArray(v) ? (v.length ? v : null) : v === "" || v === undefined ? null : v,
        ]),
      );
      void write({ ...cleaned, ...firstPage });
    },
    [write, firstPage],
  );
  const resetFilters = useCallback(
    () => void write({ ...Object.fromEntries(filterKeys.map((k) => [k, null])), ...firstPage }),
    [write, filterKeys, firstPage],
  );
  const resetView = useCallback(
    () =>
      void write({
        ...Object.fromEntries(filterKeys.map((k) => [k, null])),
        ...firstPage,
        ...(has("sort") ? { sort: null } : {}),
        ...(has("size") ? { size: null } : {}),
      }),
    [write, filterKeys, firstPage, has],
  );

  // A page past the end came back as the last page: show that page number (no new rows needed).
  // Once per answer of the server, not on every URL change: while the next page is on its way the
  // URL is already ahead of the answer on screen, and must not be pulled back to it.
  const pageNow = useRef(page);
  useEffect(() => {
    pageNow.current = page;
  });
  useEffect(() => {
    if (resolvedPage !== undefined && has("page") && resolvedPage !== pageNow.current) {
      void write(
        {
          page: resolvedPage === 1 ? null : resolvedPage,
          ...(has("cursor") && resolvedPage === 1 ? { cursor: null } : {}),
        },
        { history: "replace", shallow: true },
      );
    }
  }, [resolvedPage, has, write]);

  const nextPage = useCallback(
    (answer: { nextCursor?: string | null }) =>
      void write({ page: page + 1, ...(has("cursor") ? { cursor: answer.nextCursor ?? null } : {}) }),
    [write, page, has],
  );
  const prevPage = useCallback(
    (answer: { prevCursor?: string | null }) => {
      const prev = page - 1;
      void write(
        prev <= 1 ? firstPage : { page: prev, ...(has("cursor") ? { cursor: answer.prevCursor ?? null } : {}) },
      );
    },
    [write, page, has, firstPage],
  );
  const setPageSize = useCallback((size: number) => void write({ size, ...firstPage }), [write, firstPage]);
  const setColumnVisibility = useCallback(
    (defaults: ColumnDefaults, visible: Record<string, boolean>) => {
      const keys = columnVisibilityKeys(defaults, visible);
      // Which columns show is the page's markup: the server renders it too.
      void write({ ...(has("hide") ? { hide: keys.hide } : {}), ...(has("show") ? { show: keys.show } : {}) });
    },
    [write, has],
  );

  return {
    state,
    parsers,
    filterKeys,
    setState,
    setFilters,
    resetFilters,
    resetView,
    isFiltered: filterKeys.some((k) => isSet(s[k])),
    value: (key) => s[key],
    page,
    pageSize,
    nextPage,
    prevPage,
    setPageSize,
    setColumnVisibility,
  };
}
