"use client";

import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils";
import { useList } from "./list-context";

const sortKeys = { sort: parseAsString, page: parseAsInteger, cursor: parseAsString };

/**
 * A header that sorts its column (the server sorts): click cycles descending → ascending. Reads and
 * writes `sort` in the URL (paging starts again), so it shows the new order at once, before the
 * server's rows arrive, and a second click goes on from there.
 */
export function DataTableColumnHeader({
  columnId,
  title,
  align,
  defaultSort,
}: {
  columnId: string;
  title: string;
  align?: "left" | "right";
  /** The list's sort when `sort` is absent: choosing it clears the key. */
  defaultSort?: string;
}) {
  const { startTransition } = useList();
  const [{ sort }, setSort] = useQueryStates(sortKeys, { shallow: false, startTransition });
  const m = /^([a-zA-Z]+)\.(asc|desc)$/.exec(sort ?? defaultSort ?? "");
  const sorted = m?.[1] === columnId ? (m[2] as "asc" | "desc") : false;
  const next = sorted === "desc" ? "ascending" : "descending";
  return (
    <button
      type="button"
      onClick={() => {
        const value = `${columnId}.${sorted === "desc" ? "asc" : "desc"}`;
        void setSort({ sort: value === defaultSort ? null : value, page: null, cursor: null });
      }}
      className={cn(
        "inline-flex h-8 items-center gap-1 rounded-md px-2 text-left font-medium hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        align === "right" ? "-mr-2 ml-auto" : "-ml-2",
      )}
      aria-label={`${title}: sort ${next}`}
    >
      {title}
      {sorted === "desc" ? (
        <ArrowDown className="size-3.5" aria-hidden />
      ) : sorted === "asc" ? (
        <ArrowUp className="size-3.5" aria-hidden />
      ) : (
        <ChevronsUpDown className="size-3.5 opacity-50" aria-hidden />
      )}
    </button>
  );
}
