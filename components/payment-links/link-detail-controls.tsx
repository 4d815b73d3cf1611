"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import {
  LINK_PAYMENT_FILTER_KEYS,
  LINK_PAYMENT_PAGE_SIZES,
  linkPaymentsExportUrl,
  linkPaymentsSearchParams,
} from "@/lib/payment-links/link-payments-contract";
import { ListCount } from "@/components/data-table/list-count";

/*
 * The client parts of a payment link's page (link-detail.tsx renders the rest on the server): the
 * payments list's toolbar and pagination, which write the URL (a server navigation in the list's
 * transition), and the daily chart.
 */

function useLinkPaymentsUrl() {
  return useListUrl({ parsers: linkPaymentsSearchParams, filterKeys: LINK_PAYMENT_FILTER_KEYS });
}

/** Search, the status filter, Views, the number of payments, Export CSV (the filtered payments) and View. */
export function LinkPaymentsToolbar({
  linkId,
  filters,
  columns,
  total,
}: {
  linkId: string;
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  /** Payments matching the filters; none when the list could not be read. */
  total?: number;
}) {
  const list = useLinkPaymentsUrl();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by reference or phone…", label: "Search payments" }}
      exportHref={linkPaymentsExportUrl(linkId, list.state)}
      actions={total !== undefined && <ListCount total={total} noun="payment" />}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function LinkPaymentsPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={linkPaymentsSearchParams} filterKeys={LINK_PAYMENT_FILTER_KEYS} pageSizes={LINK_PAYMENT_PAGE_SIZES} {...props} />;
}

/** The link's last days as a chart. Recharts loads on demand: not in the page's first-load JavaScript. */
export const LinkDailyChart = dynamic(() => import("./link-analytics-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[260px] w-full" />,
});
