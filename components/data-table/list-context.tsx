"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useTransition, type TransitionStartFunction } from "react";

/**
 * The client half of one server-rendered list (server-data-table.tsx renders the rows): the
 * transition its URL changes run in (a filter, a sort or a page is a server navigation, and the
 * rows on screen dim until the new ones arrive) and the rows selected on the page shown.
 *
 * Selection belongs to the page of rows: `rowIds` (the ids shown, from the server) changing clears it.
 * The code a row opens (a detail sheet) can ask to be fetched when the pointer or focus reaches the
 * table (useWarmOnApproach).
 */
interface ListContextValue {
  pending: boolean;
  startTransition: TransitionStartFunction;
  /** The ids of the rows on the page shown, in order. */
  rowIds: readonly string[];
  selected: ReadonlySet<string>;
  setSelected: (ids: ReadonlySet<string>) => void;
  /** The pointer or focus reached the table. */
  approach: () => void;
  addApproachListener: (listener: () => void) => () => void;
}

const ListContext = createContext<ListContextValue | null>(null);

const NONE: ReadonlySet<string> = new Set();

export function ListProvider({ rowIds, children }: { rowIds: readonly string[]; children: React.ReactNode }) {
  const [pending, startTransition] = useTransition();
  const page = rowIds.join(",");
  const [selection, setSelection] = useState<{ page: string; ids: ReadonlySet<string> }>({ page, ids: NONE });
  const selected = selection.page === page ? selection.ids : NONE;
  const setSelected = useCallback((ids: ReadonlySet<string>) => setSelection({ page, ids }), [page]);
  const listeners = useRef(new Set<() => void>());
  const approach = useCallback(() => listeners.current.forEach((l) => l()), []);
  const addApproachListener = useCallback((listener: () => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const value = useMemo(
    () => ({ pending, startTransition, rowIds, selected, setSelected, approach, addApproachListener }),
    [pending, rowIds, selected, setSelected, approach, addApproachListener],
  );
  return <ListContext.Provider value={value}>{children}</ListContext.Provider>;
}

export function useList(): ListContextValue {
  const value = useContext(ListContext);
  if (!value) throw new Error("A list control outside its ListProvider");
  return value;
}

/** Runs `warm` (e.g. warmUp of a sheet's chunk) when the pointer or focus first reaches the list's table. */
export function useWarmOnApproach(warm: () => void) {
  const { addApproachListener } = useList();
  useEffect(() => addApproachListener(warm), [addApproachListener, warm]);
}

/** The table's frame: busy (and dimmed) while the list's next rows are on their way. */
export function ListFrame({ children }: { children: React.ReactNode }) {
  const { pending, approach } = useList();
  return (
    <div
      onPointerEnter={approach}
      onFocus={approach}
      className={pending ? "opacity-60 transition-opacity md:rounded-md md:border" : "md:rounded-md md:border"}
      aria-busy={pending || undefined}
    >
      {children}
    </div>
  );
}
