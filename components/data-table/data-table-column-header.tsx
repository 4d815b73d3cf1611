"use client";

import type { Column } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils";

/** A header that sorts its column (server-side): click cycles descending → ascending. */
export function DataTableColumnHeader<TData, TValue>({ column, title, className }: { column: Column<TData, TValue>; title: string; className?: string }) {
  if (!column.getCanSort()) return <span className={className}>{title}</span>;
  const sorted = column.getIsSorted();
  const next = sorted === "desc" ? "ascending" : "descending";
  return (
    <button
      type="button"
      onClick={() => column.toggleSorting(sorted === "desc" ? false : true)}
      className={cn(
        "inline-flex h-8 items-center gap-1 rounded-md px-2 text-left font-medium hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        column.columnDef.meta?.align === "right" ? "-mr-2 ml-auto" : "-ml-2",
        className,
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
