"use client";

import { flexRender, type Row, type Table as TanTable } from "@tanstack/react-table";
import { SearchX } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/utils";
import "./types";

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
  return (
    <div className="rounded-md border" aria-busy={isLoading || isFetching || undefined}>
      <Table aria-label={props["aria-label"]} aria-rowcount={isLoading ? undefined : rows.length + 1}>
        <TableHeader className="bg-muted/40">
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
        <TableBody className={cn(isFetching && !isLoading && "opacity-60 transition-opacity")}>
          {isLoading ? (
            Array.from({ length: skeletonRows }, (_, i) => (
              <TableRow key={i} className="hover:bg-transparent">
                {columns.map((c) => (
                  <TableCell key={c.id}>
                    <Skeleton className="h-4 w-full min-w-12" />
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : error ? (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={columns.length} className="whitespace-normal">
                {error}
              </TableCell>
            </TableRow>
          ) : rows.length === 0 ? (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={columns.length}>
                {empty ?? (
                  <EmptyState icon={<SearchX />} title="No data found" description="No records match your criteria" />
                )}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((row) => (
              <TableRow
                key={row.id}
                {...rowProps?.(row)}
                data-state={row.getIsSelected() ? "selected" : undefined}
                className={cn(onRowClick && "cursor-pointer")}
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
                {row.getVisibleCells().map((cell) => (
                  <TableCell
                    key={cell.id}
                    className={cn(
                      cell.column.columnDef.meta?.align === "right" && "text-right tabular-nums",
                      cell.column.columnDef.meta?.className,
                    )}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
