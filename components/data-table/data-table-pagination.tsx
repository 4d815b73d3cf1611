"use client";

import dynamic from "next/dynamic";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StandIn, useOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { SelectStandIn } from "@/components/ui/select-stand-in";
import type { UseQueryStatesKeysMap } from "nuqs";
import { useList } from "./list-context";
import { useListUrl } from "./use-list-url";

interface Props {
  rowsDisplayed: number;
  selected: number;
  page: number;
  /** Known when the total count is known (the counters). */
  pageCount?: number;
  pageSize: number;
  pageSizes: readonly number[];
  hasPrev: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
  disabled?: boolean;
}

// The rows-per-page select (Radix Select) loads on first use; until then a look-alike button stands in.
const loadPageSize = () => import("./data-table-page-size-select");
const PageSizeSelect = dynamic(() => import("./data-table-page-size-select"), { ssr: false, loading: StandIn });

/** "Rows per page": a select named by the "rows-per-page" text beside it. */
function PageSize({ pageSize, pageSizes, onPageSize }: { pageSize: number; pageSizes: readonly number[]; onPageSize: (size: number) => void }) {
  const select = useOnDemand(loadPageSize);
  const standIn = (
    <SelectStandIn size="sm" className="w-[72px]" aria-labelledby="rows-per-page" {...(select.used ? {} : select.trigger)}>
      {pageSize}
    </SelectStandIn>
  );
  if (!select.used) return standIn;
  return (
    <WithStandIn standIn={standIn}>
      <PageSizeSelect pageSize={pageSize} pageSizes={pageSizes} onPageSize={onPageSize} />
    </WithStandIn>
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N › (keyset paging: previous / next). */
export function DataTablePagination(p: Props) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 px-1 text-sm text-muted-foreground">
      <p aria-live="polite" data-testid="rows-displayed">
        {p.rowsDisplayed} row(s) displayed{p.selected > 0 ? ` · ${p.selected} selected` : ""}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <span id="rows-per-page">Rows per page</span>
          <PageSize pageSize={p.pageSize} pageSizes={p.pageSizes} onPageSize={p.onPageSize} />
        </div>
        <div className="flex items-center gap-1">
          <Button variant="outline" size="icon" className="size-8" aria-label="Previous page" disabled={!p.hasPrev || p.disabled} onClick={p.onPrev}>
            <ChevronLeft aria-hidden />
          </Button>
          <span className="min-w-24 text-center text-foreground" aria-live="polite" data-testid="page-indicator">
            Page {p.page}
            {p.pageCount ? ` of ${p.pageCount.toLocaleString("en-US")}` : ""}
          </span>
          <Button variant="outline" size="icon" className="size-8" aria-label="Next page" disabled={!p.hasNext || p.disabled} onClick={p.onNext}>
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </div>
    </div>
  );
}

/**
 * Numbered paging for lists that know their total (users, roles, customers, balance history…):
 * the page and page size come from the list's URL state (its contract's parser map), the page
 * count from the server's total; a change is a server navigation in the list's transition.
 */
export function ListOffsetPagination<P extends UseQueryStatesKeysMap>({
  parsers,
  filterKeys,
  pageSizes,
  rowsDisplayed,
  total,
  resolvedPage,
}: {
  parsers: P;
  filterKeys: readonly (keyof P & string)[];
  pageSizes: readonly number[];
  rowsDisplayed: number;
  /** Rows matching the filters; unknown when the list could not be read. */
  total?: number;
  /** The page the server answered (a page past the end comes back as the last one). */
  resolvedPage?: number;
}) {
  const list = useListUrl({ parsers, filterKeys, resolvedPage });
  const { pending } = useList();
  const pageCount = total === undefined ? undefined : Math.max(1, Math.ceil(total / list.pageSize));
  return (
    <DataTablePagination
      rowsDisplayed={rowsDisplayed}
      selected={0}
      page={list.page}
      pageCount={pageCount}
      pageSize={list.pageSize}
      pageSizes={pageSizes}
      hasPrev={list.page > 1}
      hasNext={!!pageCount && list.page < pageCount}
      disabled={pending}
      onPrev={() => list.prevPage({})}
      onNext={() => list.nextPage({})}
      onPageSize={list.setPageSize}
    />
  );
}

/**
 * Keyset paging (transactions, a customer's transactions, the audit log): ‹ Page N › walks the
 * server's cursors; the page count shows when the total is known. The selection count is the
 * list's (none on lists without checkboxes).
 */
export function ListCursorPagination<P extends UseQueryStatesKeysMap>({
  parsers,
  filterKeys,
  pageSizes,
  rowsDisplayed,
  total,
  resolvedPage,
  hasPrev,
  hasNext,
  prevCursor,
  nextCursor,
}: {
  parsers: P;
  filterKeys: readonly (keyof P & string)[];
  pageSizes: readonly number[];
  rowsDisplayed: number;
  /** Rows matching the filters, when counted (for "of M"). */
  total?: number;
  /** The page the server answered (a page past the end comes back as the last one). */
  resolvedPage?: number;
  hasPrev: boolean;
  hasNext: boolean;
  prevCursor: string | null;
  nextCursor: string | null;
}) {
  const list = useListUrl({ parsers, filterKeys, resolvedPage });
  const { selected, pending } = useList();
  return (
    <DataTablePagination
      rowsDisplayed={rowsDisplayed}
      selected={selected.size}
      page={list.page}
      pageCount={total === undefined ? undefined : Math.max(1, Math.ceil(total / list.pageSize))}
      pageSize={list.pageSize}
      pageSizes={pageSizes}
      hasPrev={hasPrev}
      hasNext={hasNext}
      disabled={pending}
      onPrev={() => list.prevPage({ prevCursor })}
      onNext={() => list.nextPage({ nextCursor })}
      onPageSize={list.setPageSize}
    />
  );
}
