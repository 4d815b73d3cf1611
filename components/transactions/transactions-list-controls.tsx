"use client";

import dynamic from "next/dynamic";
import { parseAsString, useQueryState } from "nuqs";
import { useState } from "react";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { warmUp } from "@/components/ui/on-demand";
import { useScope } from "@/components/shell/scope-context";
import { useTimezone } from "@/components/shell/timezone";
import { useList, useWarmOnApproach } from "@/components/data-table/list-context";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { DataTableAmountRange } from "@/components/data-table/data-table-amount-range";
import { ListCursorPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import type { ListSlug } from "@/lib/transactions/kinds";
import { FILTER_PARAMS, PAGE_SIZES, txExportUrl, txSearchParams } from "@/lib/transactions/list-contract";

/*
 * The client controls of a server-rendered transaction list (transactions-page.tsx renders the
 * rows): each reads and writes the URL with the list contract's parser map, and a change is a
 * server navigation in the list's transition.
 */

function useTxListUrl() {
  return useListUrl({ parsers: txSearchParams, filterKeys: FILTER_PARAMS });
}

/** Search, date range, the columns' filters, the amount range, Views, Export (all or the selected rows) and View. */
export function TransactionsToolbar({
  slug,
  variant,
  filters,
  columns,
  search,
  title,
}: {
  slug: ListSlug;
  variant: "page" | "home";
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  search: { placeholder: string; label: string };
  /** The list's title ("Collections"), for the export's name. */
  title: string;
}) {
  const list = useTxListUrl();
  const { selected } = useList();
  const { zone } = useTimezone();
  const currency = useScope().market.currency;
  const state = list.state;
  const selectedIds = [...selected];
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={search}
      dateRange={variant === "page" ? { zone } : undefined}
      onlyFilters={variant === "home" ? ["status"] : undefined}
      actions={
        <>
          {selectedIds.length > 0 && (
            <Button asChild variant="secondary" size="sm">
              <a href={txExportUrl(slug, state, zone, selectedIds)} download>
                <Download aria-hidden /> Export selected ({selectedIds.length})
              </a>
            </Button>
          )}
          <Button asChild variant="outline" size="sm">
            <a
              href={txExportUrl(slug, state, zone)}
              download
              aria-label={`Export ${list.isFiltered ? "the filtered" : "all"} ${title.toLowerCase()} as CSV`}
            >
              <Download aria-hidden /> Export
            </a>
          </Button>
        </>
      }
    >
      {variant === "page" && (
        <DataTableAmountRange min={state.min} max={state.max} currency={currency} onChange={(r) => list.setFilters(r)} />
      )}
    </DataTableToolbar>
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M › (keyset paging through the server's cursors). */
export function TransactionsPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number; hasPrev: boolean; hasNext: boolean; prevCursor: string | null; nextCursor: string | null }) {
  return <ListCursorPagination parsers={txSearchParams} filterKeys={FILTER_PARAMS} pageSizes={PAGE_SIZES} {...props} />;
}

// The detail sheet (Radix Dialog, the engine's action dialogs) loads when a row is first opened (or
// the URL names one), fetched ahead when the pointer or focus reaches the table.
const loadSheet = () => import("./transaction-detail-sheet");
const TransactionDetailSheet = dynamic(() => import("./transaction-detail-sheet").then((m) => m.TransactionDetailSheet), { ssr: false });
const warmSheet = warmUp(loadSheet);

/** The open transaction (`?tx=<id>`, a shallow URL key: the sheet fetches it). */
export function TransactionDetail({ slug }: { slug: ListSlug }) {
  const [id, setId] = useQueryState("tx", parseAsString.withOptions({ history: "push" }));
  useWarmOnApproach(warmSheet);
  // Mounted from the first opened transaction on (closing animates, focus goes back to the row).
  const [used, setUsed] = useState(false);
  if (id && !used) setUsed(true);
  return used ? <TransactionDetailSheet slug={slug} id={id} onClose={() => void setId(null)} /> : null;
}
