import "server-only";
import type { SearchParams } from "nuqs/server";
import { UserRound } from "lucide-react";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { CUSTOMER_DEFAULT_SORT, CUSTOMER_FILTER_KEYS, customersListQuery } from "@/lib/customers/customers-contract";
import { customersListSchema, loadCustomersSearchParams } from "@/lib/customers/customers-contract-schema";
import { listCustomers } from "@/lib/customers/list-customers";
import { marketKey } from "@/lib/markets";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ListProvider } from "@/components/data-table/list-context";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { ListError } from "@/components/data-table/list-error";
import { AddCustomerDialog } from "./customer-form-dialog";
import { customerListColumns } from "./customers-columns";
import { CustomersPagination, CustomersToolbar } from "./customers-list-controls";

/**
 * Customers: the mobile money customer profiles of the selected environment and market, rendered
 * on the server (search, country, network and status filters, sort, paging and hidden columns in
 * the URL, read as GET /api/customers reads them). The browser runs only the controls
 * (customers-list-controls.tsx) and the Add dialog. A row opens the customer's page in the same
 * market and environment.
 */
export async function CustomersList({ scope, searchParams }: { scope: Scope; searchParams: Promise<SearchParams> }) {
  const [state, db] = await Promise.all([loadCustomersSearchParams(searchParams), getDb()]);
  const list = await readForPage(customersListSchema, customersListQuery(state), (input) => listCustomers(db, scope, input));
  const page = list.data;
  const rows = page?.rows ?? [];

  const columns = customerListColumns({
    countries: [...new Set(scope.markets.map((m) => m.country))],
    shown: state.country.length ? state.country : [scope.market.country],
    currency: page?.currency ?? scope.market.currency,
  });
  const controls = columnControls(columns);
  const filtered = CUSTOMER_FILTER_KEYS.some((k) => state[k].length > 0);
  // The customer's page, in this market and environment (lib/context-url.ts).
  const context = new URLSearchParams({ [MARKET_PARAM]: marketKey(scope.market), [ENV_PARAM]: scope.environment });

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <PageHeader
        title="Customers"
        description="Mobile money customer profiles"
        actions={scope.permissions.has("customers.manage") && <AddCustomerDialog />}
      />

      <Card>
        <CardContent className="space-y-4">
          <CustomersToolbar filters={controls.filters} columns={controls.choices} total={page?.total} />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={(r) => r.id}
            sort={state.sort}
            defaultSort={CUSTOMER_DEFAULT_SORT}
            hide={state.hide}
            show={state.show}
            aria-label="Customers"
            rowOpen={(r) => ({ href: `/customers/${encodeURIComponent(r.id)}?${context}` })}
            rowLabel={(r) => `Open customer ${r.name ?? r.customerKey}`}
            rowProps={(r) => ({ "data-testid": "customer-row", "data-customer-key": r.customerKey })}
            error={list.error ? <ListError message={list.error} what="customers" /> : null}
            empty={
              <EmptyState
                icon={<UserRound />}
                title="No customers found"
                description={
                  filtered ? "No customers match your search or filters." : "Customers you add, or who pay or get paid, appear here."
                }
              />
            }
          />
          <CustomersPagination rowsDisplayed={rows.length} total={page?.total} resolvedPage={page?.page} />
        </CardContent>
      </Card>
    </ListProvider>
  );
}
