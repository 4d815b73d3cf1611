"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StandIn, useMenuOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { loadConfirmDialog } from "@/components/team/lazy-confirm-dialog";
import { useCan } from "@/components/shell/scope-context";
import { useListUrl } from "@/components/data-table/use-list-url";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import {
  PAYMENT_LINK_FILTER_KEYS,
  PAYMENT_LINK_PAGE_SIZES,
  paymentLinksSearchParams,
  type PaymentLinkRow,
} from "@/lib/payment-links/payment-links-contract";
import { DeactivateLinkDialog, useSetLinkActive } from "./link-active-button";
import { loadPaymentLinkForm, PaymentLinkFormDialog } from "./payment-link-form-dialog";
import { ListCount } from "@/components/data-table/list-count";

/*
 * The client controls of the server-rendered Payment Links list (payment-links-list.tsx renders
 * the rows): the toolbar and the pagination write the URL (a server navigation in the list's
 * transition), and each row's actions menu changes its link, then asks the server for the rows again.
 */

function usePaymentLinksUrl() {
  return useListUrl({ parsers: paymentLinksSearchParams, filterKeys: PAYMENT_LINK_FILTER_KEYS });
}

/** Search, the status, type and pricing filters, Views, the number of links and View. */
export function PaymentLinksToolbar({
  filters,
  columns,
  total,
}: {
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  /** Links matching the filters; none when the list could not be read. */
  total?: number;
}) {
  const list = usePaymentLinksUrl();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by name or short code…", label: "Search payment links" }}
      actions={total !== undefined && <ListCount total={total} noun="link" />}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function PaymentLinksPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={paymentLinksSearchParams} filterKeys={PAYMENT_LINK_FILTER_KEYS} pageSizes={PAYMENT_LINK_PAGE_SIZES} {...props} />;
}

// A row's menu loads on first use, not with the page (issue 14 item 17; components/ui/on-demand.tsx).
const loadRowMenu = () => import("./link-row-menu");
const LinkRowMenu = dynamic(() => import("./link-row-menu"), { ssr: false, loading: StandIn });

/**
 * A row's "Actions for …" button: a stand-in until first used, then the real menu
 * (link-row-menu.tsx), opened. It owns the Edit and Deactivate dialogs its items open; a change
 * refreshes the page (useSetLinkActive, the form), so the server renders the row again.
 */
export function LinkRowActions({ link }: { link: PaymentLinkRow }) {
  const canManage = useCan("payment_links.manage");
  const setActive = useSetLinkActive();
  const menu = useMenuOnDemand(loadRowMenu);
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);
  const label = `Actions for ${link.name}`;
  const warm = () => {
    menu.trigger.onPointerEnter();
    if (!canManage) return;
    void loadPaymentLinkForm();
    void loadConfirmDialog();
  };
  return (
    <>
      {menu.used ? (
        <WithStandIn standIn={<RowMenuButton label={label} tabIndex={-1} />}>
          <LinkRowMenu
            row={link}
            keyboard={menu.keyboard}
            canManage={canManage}
            onEdit={() => setEditing(true)}
            onDeactivate={() => setDeactivating(true)}
            onReactivate={() => void setActive(link, true, { quiet: true })}
          />
        </WithStandIn>
      ) : (
        <RowMenuButton label={label} {...menu.trigger} onPointerEnter={warm} />
      )}
      {canManage && (
        <>
          <PaymentLinkFormDialog mode="edit" link={link} open={editing} onOpenChange={setEditing} />
          <DeactivateLinkDialog link={link} open={deactivating} onOpenChange={setDeactivating} />
        </>
      )}
    </>
  );
}

function RowMenuButton({ label, ...props }: { label: string } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" aria-label={label} {...props}>
      <MoreHorizontal aria-hidden />
    </Button>
  );
}
