"use client";

import { flexRender, type Cell, type Column, type Row, type Table as TanTable } from "@tanstack/react-table";
import { SearchX } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import type { CardPlace } from "./types";

interface DataTableProps<TData> {
  table: TanTable<TData>;
  /** First load (no rows yet): skeleton rows. */
  isLoading?: boolean;
  /** A refetch with rows on screen: dims them. */
  isFetching?: boolean;
  /** Shown instead of the rows (e.g. a 400 for a hand-edited URL). */
  error?: React.ReactNode;
  onRowClick?: (row: Row<TData>) => void;
  /** Accessible name of a row's "open" action, e.g. "Open transaction REF123". */
  rowLabel?: (row: Row<TData>) => string;
  /** Extra attributes of a body row (e.g. `data-testid`). */
  rowProps?: (row: Row<TData>) => Record<string, string | undefined>;
  /** Shown when there are no rows (default: "No data found"). */
  empty?: React.ReactNode;
  "aria-label"?: string;
  skeletonRows?: number;
}

/*
 * Below `md` the same rows are cards (CSS only, one DOM: the row keeps its focus, click and
 * accessible name): the table, its body and each row become blocks, the header is hidden, and
 * each cell goes to its column's `meta.card` place in a three-track grid (title · status · actions
 * over amount · time, then one line per field). The explicit ARIA roles keep the table's semantics
 * whatever the CSS display is.
 */
const CARD_ROW =
  "max-md:grid max-md:grid-cols-[minmax(0,1fr)_auto_auto] max-md:items-center max-md:gap-x-3 max-md:gap-y-1 max-md:rounded-lg max-md:border max-md:p-3";
const CARD_CELL: Record<CardPlace, string> = {
  title: "max-md:col-start-1 max-md:row-start-1 max-md:truncate max-md:font-medium",
  status: "max-md:col-start-2 max-md:row-start-1 max-md:justify-self-end",
  actions: "max-md:col-start-3 max-md:row-start-1 max-md:justify-self-end",
  amount: "max-md:col-start-1 max-md:row-start-2 max-md:text-left max-md:font-medium",
  time: "max-md:col-start-2 max-md:col-span-2 max-md:row-start-2 max-md:justify-self-end max-md:text-xs max-md:text-muted-foreground",
  field:
    "max-md:col-span-full max-md:flex max-md:min-w-0 max-md:gap-2 max-md:text-left max-md:text-xs max-md:whitespace-normal max-md:[overflow-wrap:anywhere]",
};

/** Each visible column's card place; a list that places none: the first is the title, the rest fields. */
function cardPlaces<TData>(columns: Column<TData, unknown>[]): Map<string, CardPlace> {
  const placed = columns.filter((c) => c.columnDef.meta?.card);
  if (placed.length > 0) return new Map(placed.map((c) => [c.id, c.columnDef.meta!.card!]));
  const shown = columns.filter((c) => c.id !== "select");
  return new Map(shown.map((c, i) => [c.id, i === 0 ? "title" : "field"]));
}

/** The cell's own text for its hover title (a truncated cell), when it is plain text. */
function plainValue<TData>(cell: Cell<TData, unknown>): string | undefined {
  const v = cell.getValue();
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

/** A server-driven table: rows, sorting and visibility come from the TanStack table (manual mode). */
export function DataTable<TData>({
  table,
  isLoading,
  isFetching,
  error,
  onRowClick,
  rowLabel,
  rowProps,
  empty,
  skeletonRows = 8,
  ...props
}: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();
  const places = cardPlaces(columns);
  return (
    <div className="md:rounded-md md:border" aria-busy={isLoading || isFetching || undefined}>
      <Table
        role="table"
        className="max-md:block"
        aria-label={props["aria-label"]}
        aria-rowcount={isLoading ? undefined : rows.length + 1}
      >
        <TableHeader className="bg-muted/40 max-md:hidden">
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <TableHead
                    key={header.id}
                    aria-sort={
                      sorted === "asc"
                        ? "ascending"
                        : sorted === "desc"
                          ? "descending"
                          : header.column.getCanSort()
                            ? "none"
                            : undefined
                    }
                    className={cn(
                      header.column.columnDef.meta?.align === "right" && "text-right",
                      header.column.columnDef.meta?.headerClassName,
                    )}
                  >
                    {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody
          role="rowgroup"
          className={cn(
            "max-md:block max-md:space-y-2 max-md:[&_tr:last-child]:border",
            isFetching && !isLoading && "opacity-60 transition-opacity",
          )}
        >
          {isLoading ? (
            Array.from({ length: skeletonRows }, (_, i) => (
              <TableRow key={i} className="hover:bg-transparent max-md:block max-md:rounded-lg max-md:border max-md:p-3">
                {columns.map((c, j) => (
                  <TableCell key={c.id} className={cn("max-md:block max-md:p-0 max-md:py-1", j > 1 && "max-md:hidden")}>
                    <Skeleton className="h-4 w-full min-w-12" />
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : error ? (
            <TableRow className="hover:bg-transparent max-md:block">
              <TableCell colSpan={columns.length} className="whitespace-normal max-md:block">
                {error}
              </TableCell>
            </TableRow>
          ) : rows.length === 0 ? (
            <TableRow className="hover:bg-transparent max-md:block">
              <TableCell colSpan={columns.length} className="max-md:block max-md:whitespace-normal">
                {empty ?? (
                  <EmptyState icon={<SearchX />} title="No data found" description="No records match your criteria" />
                )}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row) => (
              <TableRow
                key={row.id}
                role="row"
                {...rowProps?.(row)}
                data-state={row.getIsSelected() ? "selected" : undefined}
                className={cn(CARD_ROW, onRowClick && "cursor-pointer")}
                tabIndex={onRowClick ? 0 : undefined}
                aria-label={rowLabel?.(row)}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                onKeyDown={
                  onRowClick
                    ? (e) => {
                        if ((e.key === "Enter" || e.key === " ") && e.target === e.currentTarget) {
                          e.preventDefault();
                          onRowClick(row);
                        }
                      }
                    : undefined
                }
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const place = places.get(cell.column.id);
                  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                  return (
                    <TableCell
                      key={cell.id}
                      role="cell"
                      className={cn(
                        meta?.align === "right" && "text-right tabular-nums",
                        meta?.className,
                        "max-md:block max-md:p-0",
                        place ? CARD_CELL[place] : "max-md:hidden",
                      )}
                    >
                      {place === "field" && (
                        <span className="shrink-0 text-muted-foreground md:hidden">{meta?.label ?? cell.column.id}:</span>
                      )}
                      {meta?.truncate ? (
                        <span className="block max-w-64 min-w-0 truncate max-md:max-w-full" title={plainValue(cell)}>
                          {content}
                        </span>
                      ) : (
                        content
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
