import "server-only";
import { createElement } from "react";
import { SearchX } from "lucide-react";
import {
  createTable,
  getCoreRowModel,
  type Cell,
  type Column,
  type ColumnDef,
  type HeaderContext,
  type RowData,
  type TableOptionsResolved,
} from "@tanstack/table-core";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { columnVisibility, type ColumnDefaults } from "@/lib/client/list-params";
import { cn } from "@/lib/utils";
import { DataTableColumnHeader } from "./data-table-column-header";
import { DataTableRow, PageCheckbox, RowCheckbox, type RowOpen } from "./data-table-row";
import { ListFrame } from "./list-context";
import type { CardPlace, ColumnChoice, ColumnFilterMeta } from "./types";

/*
 * A list's table, rendered on the server: TanStack's table core (headless) turns the columns, the
 * page of rows and the URL's sort and column visibility into headers and cells, and they go out
 * as HTML. The browser gets only the small client parts: the sort buttons, the row (open,
 * selected) and the checkboxes (data-table-row.tsx), inside the list's ListProvider. No table
 * engine, no column renderers, no data fetching in the page's JavaScript.
 *
 * Below `md` the same rows are cards (CSS only, one DOM: the row keeps its focus, click and
 * accessible name): each cell goes to its column's `meta.card` place, `data-card` (the `dt-row`
 * rules in app/globals.css, which also hold the cells' look; the row's is TableRow's `ui-table-row`).
 * The explicit ARIA roles keep the table's semantics whatever the CSS display is.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own column arrays mix value types
export type ListColumn<TData extends RowData> = ColumnDef<TData, any>;

/** The table options' meta the header renderers read. */
interface ListTableMeta {
  defaultSort?: string;
}

/** A header that sorts its column (a client button), or its plain title when the column cannot sort. */
export function sortHeader<TData extends RowData>(title: string) {
  return function SortHeader({ column, table }: HeaderContext<TData, unknown>) {
    if (!column.getCanSort()) return title;
    return createElement(DataTableColumnHeader, {
      columnId: column.id,
      title,
      align: column.columnDef.meta?.align,
      defaultSort: (table.options.meta as ListTableMeta | undefined)?.defaultSort,
    });
  };
}

/** The selection column: a checkbox per row and one for the page (the list's ListProvider holds the selection). */
export function selectColumn<TData extends RowData>(label: (row: TData) => string): ListColumn<TData> {
  return {
    id: "select",
    enableSorting: false,
    enableHiding: false,
    meta: { className: "w-8", headerClassName: "w-8" },
    header: () => createElement(PageCheckbox),
    cell: ({ row }) => createElement(RowCheckbox, { id: row.id, label: label(row.original) }),
  };
}

/** The columns "View" may hide, each with whether it is hidden by default (`meta.defaultHidden`). */
export function columnDefaults<TData extends RowData>(columns: readonly ListColumn<TData>[]): ColumnDefaults {
  const out = new Map<string, boolean>();
  for (const c of columns) {
    const id = columnId(c);
    if (id && c.enableHiding !== false) out.set(id, c.meta?.defaultHidden === true);
  }
  return out;
}

function columnId<TData extends RowData>(c: ListColumn<TData>): string | undefined {
  return c.id ?? (c as { accessorKey?: string }).accessorKey;
}

/** What the toolbar needs from the columns: "View"'s choices and the filters the columns declare. */
export function columnControls<TData extends RowData>(
  columns: readonly ListColumn<TData>[],
): { choices: ColumnChoice[]; filters: ColumnFilterMeta[] } {
  const defaults = columnDefaults(columns);
  return {
    choices: columns
      .filter((c) => defaults.has(columnId(c)!))
      .map((c) => {
        const id = columnId(c)!;
        return { id, label: c.meta?.label ?? id, defaultHidden: defaults.get(id)! };
      }),
    filters: columns.map((c) => c.meta?.filter).filter((f): f is ColumnFilterMeta => !!f),
  };
}

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

/** TanStack's flexRender, for the server: a renderer is called as a component, anything else is the content. */
function render<P extends object>(renderer: unknown, props: P): React.ReactNode {
  if (typeof renderer === "function") return createElement(renderer as React.FC<P>, props);
  return renderer as React.ReactNode;
}

export interface ServerDataTableProps<TData extends RowData> {
  columns: readonly ListColumn<TData>[];
  /** The page of rows the server read. */
  rows: readonly TData[];
  getRowId: (row: TData) => string;
  /** The URL's sort ("column.asc|desc"; absent: `defaultSort`) and column visibility (`hide`, `show`). */
  sort?: string | null;
  defaultSort?: string;
  hide?: readonly string[];
  show?: readonly string[];
  /** What opening a row does; none: rows are not actions. */
  rowOpen?: (row: TData) => RowOpen;
  /** Accessible name of a row's "open" action, e.g. "Open transaction REF123". */
  rowLabel?: (row: TData) => string;
  /** Extra attributes of a body row (e.g. `data-testid`). */
  rowProps?: (row: TData) => Record<`data-${string}`, string | undefined>;
  /** Shown instead of the rows (e.g. a 400 for a hand-edited URL). */
  error?: React.ReactNode;
  /** Shown when there are no rows (default: "No data found"). */
  empty?: React.ReactNode;
  "aria-label": string;
}

/** A server-rendered list table (wrap it, with the list's client controls, in a ListProvider). */
export function ServerDataTable<TData extends RowData>({
  columns,
  rows,
  getRowId,
  sort,
  defaultSort,
  hide = [],
  show = [],
  rowOpen,
  rowLabel,
  rowProps,
  error,
  empty,
  ...props
}: ServerDataTableProps<TData>) {
  const m = /^([a-zA-Z]+)\.(asc|desc)$/.exec(sort ?? defaultSort ?? "");
  const options: TableOptionsResolved<TData> = {
    data: rows as TData[],
    columns: columns as ColumnDef<TData, unknown>[],
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    state: {
      sorting: m ? [{ id: m[1], desc: m[2] === "desc" }] : [],
      columnVisibility: columnVisibility(columnDefaults(columns), hide, show),
    },
    meta: { defaultSort } satisfies ListTableMeta,
    onStateChange: () => {},
    renderFallbackValue: null,
  };
  const table = createTable(options);
  // createTable starts from its features' initial state; the list's state goes on top.
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, ...options.state } }));

  const bodyRows = table.getRowModel().rows;
  const visible = table.getVisibleLeafColumns();
  const places = cardPlaces(visible);
  return (
    <ListFrame>
      <Table role="table" className="max-md:block" aria-label={props["aria-label"]} aria-rowcount={bodyRows.length + 1}>
        <TableHeader className="bg-muted/40 max-md:hidden">
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const meta = header.column.columnDef.meta;
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
                      meta?.align === "right" && "text-right",
                      meta?.headerClassName,
                    )}
                  >
                    {header.isPlaceholder ? null : render(header.column.columnDef.header, header.getContext())}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody role="rowgroup" className="max-md:block max-md:space-y-2 max-md:[&_tr:last-child]:border">
          {error ? (
            <TableRow className="hover:bg-transparent max-md:block">
              <TableCell colSpan={visible.length} className="whitespace-normal max-md:block">
                {error}
              </TableCell>
            </TableRow>
          ) : bodyRows.length === 0 ? (
            <TableRow className="hover:bg-transparent max-md:block">
              <TableCell colSpan={visible.length} className="max-md:block max-md:whitespace-normal">
                {empty ?? <EmptyState icon={<SearchX />} title="No data found" description="No records match your criteria" />}
              </TableCell>
            </TableRow>
          ) : (
            bodyRows.map((row) => (
              <DataTableRow
                key={row.id}
                id={row.id}
                open={rowOpen?.(row.original)}
                label={rowLabel?.(row.original)}
                {...rowProps?.(row.original)}
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const place = places.get(cell.column.id);
                  const content = render(cell.column.columnDef.cell, cell.getContext());
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
              </DataTableRow>
            ))
          )}
        </TableBody>
      </Table>
    </ListFrame>
  );
}
