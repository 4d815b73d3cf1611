"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  type Table,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import { useQueryStates, type SetValues, type UseQueryStatesKeysMap, type Values } from "nuqs";
import { columnVisibility, columnVisibilityKeys, type ColumnDefaults } from "@/lib/client/list-params";

/**
 * One server-driven list: TanStack Table in manual mode (the server sorts, filters and pages),
 * with every piece of its state in the URL through the list contract's nuqs parser map, so a
 * reload or a copied link opens the same view. The URL keys it knows by name (each optional):
 *
 *   q · <filter keys> · sort ("column.asc|desc") · page · cursor (keyset lists) · size · hide · show
 *
 * Filters and sort changes start again at page 1 (and drop the cursor); paging keeps the filters.
 * Keys the map does not define (the market `m` and environment `env`, anything else) are left alone.
 */
export interface UseDataTableOptions<TData, P extends UseQueryStatesKeysMap> {
  /** The list contract's URL parser map (the server page reads the same one with createLoader). */
  parsers: P;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own column arrays mix value types
  columns: ColumnDef<TData, any>[];
  /** The rows of the current page (the server's answer). */
  data: readonly TData[] | undefined;
  getRowId: (row: TData) => string;
  /** The keys of `parsers` that filter the rows (search included): the toolbar's reset clears them. */
  filterKeys: readonly (keyof P & string)[];
  /** What an absent `sort` means ("createdAt.desc"). */
  defaultSort?: string;
  /**
   * The page the server answered, once settled: a page past the end comes back as the last page,
   * and the URL follows it.
   */
  resolvedPage?: number;
  enableRowSelection?: boolean;
}

export interface DataTableList<TData, P extends UseQueryStatesKeysMap = UseQueryStatesKeysMap> {
  table: Table<TData>;
  /** The URL state, parsed. */
  state: Values<P>;
  /** The parser map and filter keys it was given (saved views read and write the list's keys with them). */
  parsers: P;
  filterKeys: readonly (keyof P & string)[];
  /** Writes URL state as is (for keys the list owns besides the standard ones, e.g. an open detail). */
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
  /** Row ids selected on this page. */
  selectedIds: string[];
  nextPage: (answer: { nextCursor?: string | null }) => void;
  prevPage: (answer: { prevCursor?: string | null }) => void;
  setPageSize: (size: number) => void;
}

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === "function" ? (updater as (o: T) => T)(old) : updater;
}

const NO_ROWS: never[] = [];

/** A list key of the URL state (`hide`, `show`), [] when absent. */
function urlList(v: unknown): string[] {
  return Array.isArray(v) ? (v as string[]) : NO_ROWS;
}

/** The columns "View" may hide, each with whether it is hidden by default (`meta.defaultHidden`). */
function columnDefaults<TData>(columns: UseDataTableOptions<TData, UseQueryStatesKeysMap>["columns"]): ColumnDefaults {
  const out = new Map<string, boolean>();
  for (const c of columns) {
    const id = c.id ?? (c as { accessorKey?: string }).accessorKey;
    if (id && c.enableHiding !== false) out.set(id, c.meta?.defaultHidden === true);
  }
  return out;
}

function isSet(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== "";
}

/**
 * The list's URL state alone, parsed with the contract's parser map: for the data query, which
 * runs before the table exists (useDataTable reads the same keys; nuqs keeps the two in sync).
 */
export function useListState<P extends UseQueryStatesKeysMap>(parsers: P): Values<P> {
  return useQueryStates(parsers, { clearOnDefault: true })[0];
}

export function useDataTable<TData, P extends UseQueryStatesKeysMap>(
  options: UseDataTableOptions<TData, P>,
): DataTableList<TData, P> {
  const {
    parsers,
    columns,
    data,
    getRowId,
    filterKeys,
    defaultSort,
    resolvedPage,
    enableRowSelection = false,
  } = options;
  const [state, setState] = useQueryStates(parsers, { clearOnDefault: true });
  const s = state as Record<string, unknown>;
  const write = setState as unknown as (
    patch: Record<string, unknown>,
    opts?: { history?: "push" | "replace" },
  ) => Promise<URLSearchParams>;
  const has = useCallback((key: string) => Object.hasOwn(parsers, key), [parsers]);

  const page = typeof s.page === "number" ? s.page : 1;
  const pageSize = typeof s.size === "number" ? s.size : (data?.length ?? 0);
  const cursor = has("cursor") ? ((s.cursor as string | null) ?? null) : null;

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

  // Sorting: one column, in the URL as "column.dir".
  const sortValue = has("sort") ? ((s.sort as string | null) ?? defaultSort ?? "") : "";
  const sorting: SortingState = useMemo(() => {
    const m = /^([a-zA-Z]+)\.(asc|desc)$/.exec(sortValue);
    return m ? [{ id: m[1], desc: m[2] === "desc" }] : [];
  }, [sortValue]);
  const onSortingChange: OnChangeFn<SortingState> = (u) => {
    const next = resolve(u, sorting)[0];
    void write({ sort: next ? `${next.id}.${next.desc ? "desc" : "asc"}` : null, ...firstPage });
  };

  // Column visibility: the columns' defaults (meta.defaultHidden), changed by `hide` and `show`.
  const hidden = urlList(has("hide") ? s.hide : null);
  const shown = urlList(has("show") ? s.show : null);
  const defaults = useMemo(() => columnDefaults(columns), [columns]);
  const visibility: VisibilityState = useMemo(
    () => columnVisibility(defaults, hidden, shown),
    [defaults, hidden, shown],
  );
  const onColumnVisibilityChange: OnChangeFn<VisibilityState> = (u) => {
    const keys = columnVisibilityKeys(defaults, resolve(u, visibility));
    void write({ ...(has("hide") ? { hide: keys.hide } : {}), ...(has("show") ? { show: keys.show } : {}) });
  };

  // Selection is per page: cleared when the page, the page size or the filters change.
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const filterSignature = JSON.stringify(filterKeys.map((k) => s[k]));
  useEffect(() => setRowSelection({}), [page, cursor, pageSize, filterSignature]);

  // A page past the end comes back as the last page: show that page number.
  useEffect(() => {
    if (resolvedPage !== undefined && has("page") && resolvedPage !== page) {
      void write({
        page: resolvedPage === 1 ? null : resolvedPage,
        ...(has("cursor") && resolvedPage === 1 ? { cursor: null } : {}),
      });
    }
  }, [resolvedPage, page, has, write]);

  const rows = (data ?? NO_ROWS) as TData[];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is the table engine here
  const table = useReactTable<TData>({
    data: rows,
    columns: columns as ColumnDef<TData>[],
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    enableRowSelection,
    state: { sorting, columnVisibility: visibility, rowSelection },
    onSortingChange,
    onColumnVisibilityChange,
    onRowSelectionChange: setRowSelection,
  });

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

  return {
    table,
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
    selectedIds: Object.keys(rowSelection).filter((k) => rowSelection[k]),
    nextPage,
    prevPage,
    setPageSize,
  };
}
