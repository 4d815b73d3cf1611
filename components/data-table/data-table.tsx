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
 * accessible name): each cell goes to its column's `meta.card` place, `data-card` (the `dt-row`
 * rules in app/globals.css, which also hold the cells' look; the row's is TableRow's `ui-table-row`:
 * two classes per row instead of ~1.5 kB of utilities). The explicit ARIA roles keep the table's
 * semantics whatever the CSS display is.
 */

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
                      // The body cells' padding (.dt-row in globals.css): dense enough for the default columns to fit 1280 px.
                      "px-2.5",
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
                  <TableCell key={c.id} className={cn("max-md:p-0 max-md:py-1", j > 1 ? "max-md:hidden" : "max-md:block")}>
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
              <tr
                key={row.id}
                role="row"
                data-slot="table-row"
                {...rowProps?.(row)}
                data-state={row.getIsSelected() ? "selected" : undefined}
                className={onRowClick ? "ui-table-row dt-row cursor-pointer" : "ui-table-row dt-row"}
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
                    <td key={cell.id} role="cell" data-slot="table-cell" data-align={meta?.align} data-card={place} className={meta?.className}>
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
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
