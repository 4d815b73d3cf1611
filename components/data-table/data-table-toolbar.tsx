"use client";

import { usePathname } from "next/navigation";
import { Download, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DataTableDateRange } from "./data-table-date-range";
import { DataTableFacetedFilter } from "./data-table-faceted-filter";
import { DataTableSearch } from "./data-table-search";
import { DataTableSelectFilter } from "./data-table-select-filter";
import { DataTableViewOptions } from "./data-table-view-options";
import { SavedViewsMenu } from "./saved-views-menu";
import { savedViewListOfPath, type SavedViewList } from "@/lib/saved-views/lists";
import type { UseQueryStatesKeysMap } from "nuqs";
import type { ListUrl } from "./use-list-url";
import type { ColumnChoice, ColumnFilterMeta } from "./types";

interface DataTableToolbarProps<P extends UseQueryStatesKeysMap> {
  /** What useListUrl returned. */
  list: ListUrl<P>;
  /** The filters the list's columns declare (server-data-table.tsx columnControls). */
  filters?: readonly ColumnFilterMeta[];
  /** "View"'s columns (columnControls); none: no "View". */
  columns?: readonly ColumnChoice[];
  /** The search box (`q`): its placeholder and accessible name. */
  search?: { placeholder: string; label: string };
  /** The date range (`from`/`to`), in the zone the sidebar widget shows. */
  dateRange?: { zone: string };
  /** Filters the column meta cannot describe (an amount range…), after the column filters. */
  children?: React.ReactNode;
  /** Right-hand actions before "View": bulk actions, links. */
  actions?: React.ReactNode;
  /** The CSV download of the filtered list ("Export CSV"). */
  exportHref?: string;
  /** Column filters to leave out (e.g. a compact variant shows only some). */
  onlyFilters?: readonly string[];
  /**
   * Which list's saved views the "Views" menu offers: by default the list the page's path shows
   * (lib/saved-views/lists.ts); name it when a page has two lists, `false` for none.
   */
  savedViews?: SavedViewList | false;
}

const NONE: string[] = [];
/** A list key of the URL state (`hide`, `show`), [] when absent. */
const urlList = (v: unknown): readonly string[] => (Array.isArray(v) ? (v as string[]) : NONE);

/**
 * The list toolbar: search, date range, one filter per column whose meta declares one
 * (multi-select popover or select), list-specific filters, Reset (when filtered), then the
 * Views (saved views), the actions (export) and View (column visibility). Every control writes
 * the URL through the hook.
 */
export function DataTableToolbar<P extends UseQueryStatesKeysMap>({
  list,
  filters: columnFilters = [],
  columns,
  search,
  dateRange,
  children,
  actions,
  exportHref,
  onlyFilters,
  savedViews,
}: DataTableToolbarProps<P>) {
  const pathname = usePathname();
  const listId = savedViews ?? savedViewListOfPath(pathname);
  const filters = columnFilters.filter((f) => !onlyFilters || onlyFilters.includes(f.key));
  const viewOptions = !!columns?.length;
  const str = (key: string) => (list.value(key) as string | null | undefined) ?? null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {search && (
        <DataTableSearch
          value={str("q") ?? ""}
          onChange={(q) => list.setFilters({ q })}
          placeholder={search.placeholder}
          label={search.label}
        />
      )}
      {dateRange && (
        <DataTableDateRange
          from={str("from")}
          to={str("to")}
          zone={dateRange.zone}
          onChange={(r) => list.setFilters(r)}
        />
      )}
      {filters.map((f) =>
        f.variant === "select" ? (
          <DataTableSelectFilter
            key={f.key}
            title={f.title}
            options={f.options}
            value={str(f.key)}
            allLabel={f.allLabel}
            onChange={(v) => list.setFilters({ [f.key]: v })}
          />
        ) : (
          <DataTableFacetedFilter
            key={f.key}
            title={f.title}
            options={f.options}
            selected={(list.value(f.key) as string[] | undefined) ?? []}
            onChange={(v) => list.setFilters({ [f.key]: v })}
          />
        ),
      )}
      {children}
      {list.isFiltered && (
        <Button variant="ghost" size="sm" onClick={list.resetFilters}>
          <RotateCcw aria-hidden /> Reset
        </Button>
      )}
      {(listId || actions || exportHref || viewOptions) && (
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
          {listId && <SavedViewsMenu list={list} listId={listId} />}
          {actions}
          {exportHref && (
            <Button asChild variant="outline" size="sm">
              <a href={exportHref} download>
                <Download aria-hidden /> Export CSV
              </a>
            </Button>
          )}
          {viewOptions && (
            <DataTableViewOptions
              columns={columns}
              hide={urlList(list.value("hide"))}
              show={urlList(list.value("show"))}
              onChange={list.setColumnVisibility}
            />
          )}
        </div>
      )}
    </div>
  );
}
