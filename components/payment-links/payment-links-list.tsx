import "server-only";
import { Link2 } from "lucide-react";
import type { SearchParams } from "nuqs/server";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";
import { PAYMENT_LINK_DEFAULT_SORT, PAYMENT_LINK_FILTER_KEYS, paymentLinksListQuery } from "@/lib/payment-links/payment-links-contract";
import { paymentLinksListSchema, loadPaymentLinksSearchParams } from "@/lib/payment-links/payment-links-contract-schema";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ListProvider } from "@/components/data-table/list-context";
import { ListError } from "@/components/data-table/list-error";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { paymentLinkColumns } from "./payment-link-columns";
import { PaymentLinkFormDialog } from "./payment-link-form-dialog";
import { PaymentLinksPagination, PaymentLinksToolbar } from "./payment-links-list-controls";

/**
 * Payment Links: the links of the selected environment and market, rendered on the server (the
 * URL read with the contract's parser map, the query parsed as GET /api/payment-links does, the
 * route's service called). Search, the status, type and pricing filters, sort, paging and hidden
 * columns live in the URL; the browser runs only the controls (payment-links-list-controls.tsx).
 */
export async function PaymentLinksList({ scope, searchParams }: { scope: Scope; searchParams: Promise<SearchParams> }) {
  const [state, db] = await Promise.all([loadPaymentLinksSearchParams(searchParams), getDb()]);
  const list = await readForPage(paymentLinksListSchema, paymentLinksListQuery(state), (input) => listPaymentLinks(db, scope, input));
  const columns = paymentLinkColumns(scope);
  const controls = columnControls(columns);
  const rows = list.data?.rows ?? [];
  const canManage = scope.permissions.has("payment_links.manage");
  const filtered = PAYMENT_LINK_FILTER_KEYS.some((k) => state[k].length > 0);

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <PageHeader
        title="Payment Links"
        description="Create and share links your customers pay through"
        actions={canManage && <PaymentLinkFormDialog mode="create" />}
      />
      <Card>
        <CardContent className="space-y-4">
          <PaymentLinksToolbar filters={controls.filters} columns={controls.choices} total={list.data?.total} />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={(r) => r.id}
            sort={state.sort}
            defaultSort={PAYMENT_LINK_DEFAULT_SORT}
            hide={state.hide}
            show={state.show}
            aria-label="Payment links"
            rowProps={(r) => ({ "data-testid": "payment-link-row", "data-short-code": r.shortCode })}
            error={list.error ? <ListError message={list.error} what="payment links" /> : null}
            empty={
              filtered ? (
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
          <PaymentLinksPagination rowsDisplayed={rows.length} total={list.data?.total} resolvedPage={list.data?.page} />
        </CardContent>
      </Card>
    </ListProvider>
  );
}
