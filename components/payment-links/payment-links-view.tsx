"use client";

import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Link2, MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StandIn, useMenuOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { loadConfirmDialog } from "@/components/team/lazy-confirm-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableError } from "@/components/data-table/data-table-error";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { marketKey } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { LINK_STATUS_LABEL, LINK_STATUSES } from "@/lib/payment-links/link-status";
import {
  PAYMENT_LINK_DEFAULT_SORT,
  PAYMENT_LINK_FILTER_KEYS,
  PAYMENT_LINK_PAGE_SIZES,
  paymentLinksListQuery,
  paymentLinksQueryKeys,
  paymentLinksSearchParams,
  type PaymentLinkRow,
  type PaymentLinksListResponse,
} from "@/lib/payment-links/payment-links-contract";
import { LINK_TYPE_LABEL, LINK_TYPES, PRICING, PRICING_LABEL, type LinkType } from "@/lib/payment-links/link-options";
import { DeactivateLinkDialog, useSetLinkActive } from "./link-active-button";
import { LinkStatusBadge } from "@/components/payment-links/link-status-badge";
import { loadPaymentLinkForm, PaymentLinkFormDialog } from "./payment-link-form-dialog";

// A row's menu loads on first use, not with the page (issue 14 item 17; components/ui/on-demand.tsx).
const loadRowMenu = () => import("./link-row-menu");
const LinkRowMenu = dynamic(() => import("./link-row-menu"), { ssr: false, loading: StandIn });

const STATUS_OPTIONS = LINK_STATUSES.map((s) => ({ value: s, label: LINK_STATUS_LABEL[s] }));
const TYPE_OPTIONS = LINK_TYPES.map((t) => ({ value: t, label: LINK_TYPE_LABEL[t] }));
const PRICING_OPTIONS = PRICING.map((p) => ({ value: p, label: PRICING_LABEL[p] }));


/** "KES 500.00", "KES 100.00 – 1,000.00", "3 packages", "Customer chooses". */
export function pricingSummary(link: Pick<PaymentLinkRow, "pricing" | "amount" | "minAmount" | "maxAmount" | "packages" | "currency">): string {
  const money = (minor: string) => formatMoney(minor, link.currency);
  switch (link.pricing) {
    case "FIXED":
      return link.amount ? money(link.amount) : "—";
    case "VARIABLE": {
      if (!link.minAmount || !link.maxAmount) return PRICING_LABEL.VARIABLE;
      // The currency once: "KES 100.00 – 1,000.00".
      const max = money(link.maxAmount).replace(/^[A-Z]{3}\s/, "");
      return `${money(link.minAmount)} – ${max}`;
    }
    case "PACKAGE": {
      const n = link.packages.length;
      return `${n} package${n === 1 ? "" : "s"}`;
    }
    case "CUSTOMER_CHOICE":
      return PRICING_LABEL.CUSTOMER_CHOICE;
    default:
      return link.pricing;
  }
}

/** "1 of 1", "3 of 10", "12 · unlimited". */
export function usageSummary(link: Pick<PaymentLinkRow, "usage" | "maxUses" | "currentUses">): string {
  const used = link.currentUses.toLocaleString("en-US");
  if (link.usage === "SINGLE_USE") return `${used} of 1`;
  if (link.usage === "MULTIPLE_USE") return `${used} of ${(link.maxUses ?? 1).toLocaleString("en-US")}`;
  return `${used} · unlimited`;
}

/**
 * Payment Links: the links of the selected environment and market, on the list system (search,
 * status, type and pricing filters, sort, paging and hidden columns in the URL; the server page
 * prefetched the first page). A link's name opens its page in the same market and environment;
 * each row's menu copies, opens, edits, deactivates or reactivates it.
 */
export function PaymentLinksView() {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const canManage = useCan("payment_links.manage");
  const setActive = useSetLinkActive();
  const [editing, setEditing] = useState<PaymentLinkRow | null>(null);
  const [deactivating, setDeactivating] = useState<PaymentLinkRow | null>(null);

  const urlState = useListState(paymentLinksSearchParams);
  const qs = paymentLinksListQuery(urlState);
  const links = useQuery({
    queryKey: paymentLinksQueryKeys.list(scopeKey, urlState),
    queryFn: ({ signal }) => fetchJson<PaymentLinksListResponse>(`/api/payment-links${qs ? `?${qs}` : ""}`, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = links.data;

  // The link's page, in this market and environment (lib/context-url.ts).
  const context = useMemo(
    () => new URLSearchParams({ [MARKET_PARAM]: marketKey(scope.market), [ENV_PARAM]: scope.environment }).toString(),
    [scope.market, scope.environment],
  );

  const columns = useMemo<ColumnDef<PaymentLinkRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        enableHiding: false,
        meta: { label: "Name", className: "font-medium", card: "title" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Name" />,
        cell: ({ row: { original: row } }) => (
          <div className="min-w-0 max-w-72">
            <Link
              href={`/payment-links/${encodeURIComponent(row.id)}?${context}`}
              className="block truncate underline-offset-2 hover:underline"
              title={row.name}
            >
              {row.name}
            </Link>
            <p className="truncate font-mono text-xs font-normal text-muted-foreground">{row.path}</p>
          </div>
        ),
      },
      {
        id: "linkType",
        accessorKey: "linkType",
        enableSorting: false,
        meta: { label: "Type", filter: { key: "linkType", title: "Type", options: TYPE_OPTIONS }, defaultHidden: true },
        header: "Type",
        cell: ({ row: { original: row } }) => LINK_TYPE_LABEL[row.linkType as LinkType] ?? row.linkType,
      },
      {
        id: "pricing",
        accessorKey: "pricing",
        enableSorting: false,
        meta: { label: "Pricing", className: "whitespace-nowrap tabular-nums", filter: { key: "pricing", title: "Pricing", options: PRICING_OPTIONS } },
        header: "Pricing",
        cell: ({ row: { original: row } }) => <span title={PRICING_LABEL[row.pricing as keyof typeof PRICING_LABEL]}>{pricingSummary(row)}</span>,
      },
      {
        id: "currentUses",
        accessorKey: "currentUses",
        meta: { label: "Usage", className: "whitespace-nowrap tabular-nums", card: "field" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Usage" />,
        cell: ({ row: { original: row } }) => usageSummary(row),
      },
      {
        id: "status",
        accessorKey: "status",
        enableHiding: false,
        meta: { label: "Status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS }, card: "status" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
        cell: ({ row: { original: row } }) => <LinkStatusBadge status={row.status} />,
      },
      {
        id: "totalCollected",
        accessorKey: "totalCollected",
        enableSorting: false,
        meta: { label: "Total collected", align: "right", className: "whitespace-nowrap", card: "amount" },
        header: "Total collected",
        cell: ({ row: { original: row } }) => formatMoney(row.totalCollected, row.currency),
      },
      {
        id: "createdAt",
        accessorKey: "createdAt",
        meta: { label: "Created", className: "whitespace-nowrap", card: "time" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
        cell: ({ row: { original: row } }) => <Timestamp value={row.createdAt} compact />,
      },
      {
        id: "actions",
        enableSorting: false,
        enableHiding: false,
        meta: { label: "Actions", align: "right", card: "actions" },
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row: { original: row } }) => (
          <RowActions
            row={row}
            canManage={canManage}
            onEdit={() => setEditing(row)}
            onDeactivate={() => setDeactivating(row)}
            onReactivate={() => void setActive(row, true, { quiet: true })}
          />
        ),
      },
    ],
    [context, canManage, setActive],
  );

  const list = useDataTable({
    parsers: paymentLinksSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: PAYMENT_LINK_FILTER_KEYS,
    defaultSort: PAYMENT_LINK_DEFAULT_SORT,
    resolvedPage: data && !links.isPlaceholderData ? data.page : undefined,
  });

  return (
    <>
      <PageHeader
        title="Payment Links"
        description="Create and share links your customers pay through"
        actions={canManage && <PaymentLinkFormDialog mode="create" />}
      />

      <Card>
        <CardContent className="space-y-4">
          <DataTableToolbar
            list={list}
            search={{ placeholder: "Search by name or short code…", label: "Search payment links" }}
            actions={
              data && (
                <p className="text-sm text-muted-foreground" aria-live="polite">
                  {data.total.toLocaleString("en-US")} link{data.total === 1 ? "" : "s"}
                </p>
              )
            }
          />
          <DataTable
            table={list.table}
            aria-label="Payment links"
            isLoading={links.isPending}
            isFetching={links.isFetching}
            rowProps={(row) => ({ "data-testid": "payment-link-row", "data-short-code": row.original.shortCode })}
            error={
              links.error ? <DataTableError error={links.error} what="payment links" onReset={list.resetView} /> : null
            }
            empty={
              list.isFiltered ? (
                <EmptyState icon={<Link2 />} title="No payment links found" description="No payment links match your search or filters." />
              ) : (
                <EmptyState
                  icon={<Link2 />}
                  title="No payment links yet"
                  description={
                    canManage
                      ? "Create a link, share it or its QR code, and get paid by mobile money. No website needed."
                      : "Payment links your team creates appear here."
                  }
                  action={canManage && <PaymentLinkFormDialog mode="create" label="Create your first payment link" />}
                />
              )
            }
          />
          <DataTableOffsetPagination
            list={list}
            rowsDisplayed={links.error ? 0 : (data?.rows.length ?? 0)}
            total={data?.total}
            pageSizes={PAYMENT_LINK_PAGE_SIZES}
            disabled={links.isFetching}
          />
        </CardContent>
      </Card>

      {canManage && editing && (
        <PaymentLinkFormDialog mode="edit" link={editing} open onOpenChange={(o) => !o && setEditing(null)} />
      )}
      {canManage && deactivating && (
        <DeactivateLinkDialog link={deactivating} open onOpenChange={(o) => !o && setDeactivating(null)} />
      )}
    </>
  );
}

/** A row's "Actions for …" button: a stand-in until first used, then the real menu (link-row-menu.tsx), opened. */
function RowActions({
  row,
  canManage,
  onEdit,
  onDeactivate,
  onReactivate,
}: {
  row: PaymentLinkRow;
  canManage: boolean;
  onEdit(): void;
  onDeactivate(): void;
  onReactivate(): void;
}) {
  const menu = useMenuOnDemand(loadRowMenu);
  const label = `Actions for ${row.name}`;
  if (menu.used) {
    return (
      <WithStandIn standIn={<RowMenuButton label={label} tabIndex={-1} />}>
        <LinkRowMenu
          row={row}
          keyboard={menu.keyboard}
          canManage={canManage}
          onEdit={onEdit}
          onDeactivate={onDeactivate}
          onReactivate={onReactivate}
        />
      </WithStandIn>
    );
  }
  const warm = () => {
    menu.trigger.onPointerEnter();
    if (!canManage) return;
    void loadPaymentLinkForm();
    void loadConfirmDialog();
  };
  return <RowMenuButton label={label} {...menu.trigger} onPointerEnter={warm} />;
}

function RowMenuButton({ label, ...props }: { label: string } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" aria-label={label} {...props}>
      <MoreHorizontal aria-hidden />
    </Button>
  );
}
