"use client";

import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import {
  CUSTOMER_FILTER_KEYS,
  CUSTOMER_PAGE_SIZES,
  customersExportUrl,
  customersSearchParams,
} from "@/lib/customers/customers-contract";
import { ListCount } from "@/components/data-table/list-count";

/*
 * The client controls of the server-rendered Customers list (customers-page.tsx renders the rows):
 * they read and write the URL with the contract's parser map; a change is a server navigation.
 */

function useCustomersListUrl() {
  return useListUrl({ parsers: customersSearchParams, filterKeys: CUSTOMER_FILTER_KEYS });
}

/** Search, the country, network and status filters, Views, the count, Export CSV and View. */
export function CustomersToolbar({
  filters,
  columns,
  total,
}: {
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  /** Customers matching the filters; unknown when the list could not be read. */
  total: number | undefined;
}) {
  const list = useCustomersListUrl();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by phone, name, email or key…", label: "Search customers" }}
      exportHref={customersExportUrl(list.state)}
      actions={total !== undefined && <ListCount total={total} noun="customer" />}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function CustomersPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={customersSearchParams} filterKeys={CUSTOMER_FILTER_KEYS} pageSizes={CUSTOMER_PAGE_SIZES} {...props} />;
}
