import "server-only";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage, requestZone } from "@/lib/client/page-data";
import { COUNTRIES } from "@/lib/markets";
import { KIND_CONFIG, type ListSlug } from "@/lib/transactions/kinds";
import { DEFAULT_SORT, txFilterQuery, txListQuery, type TxRow } from "@/lib/transactions/list-contract";
import { listQuerySchema, loadTxSearchParams } from "@/lib/transactions/list-contract-schema";
import { listTransactions } from "@/lib/transactions/list-transactions";
import { transactionStats } from "@/lib/transactions/transaction-stats";
import { isLiveRow, LIVE_REFETCH_MS } from "@/lib/transactions/live";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { NewCollectionDialog } from "@/components/engine/new-collection-dialog";
import { SendMoneyDialog } from "@/components/engine/send-money-dialog";
import { ListProvider } from "@/components/data-table/list-context";
import { LiveRefresh, ListRefreshButton } from "@/components/data-table/list-refresh";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { ListError } from "@/components/data-table/list-error";
import { transactionColumns } from "./transaction-columns";
import { TransactionCounters, TransactionStatCards } from "./transaction-stats";
import { TransactionDetail, TransactionsPagination, TransactionsToolbar } from "./transactions-list-controls";

/**
 * A transaction list, rendered on the server: the URL read with the contract's parser map (as the
 * client controls read it), the API query parsed exactly as the route does, the route's services
 * called, and the rows, counters and stat cards sent as HTML. The browser runs only the controls
 * (transactions-list-controls.tsx): a filter, a sort or a page is a server navigation.
 *
 * `variant="page"` is a whole list page (header, stat cards, counters); `"home"` is the dashboard's
 * Recent Transactions card.
 */
export async function TransactionsList({
  scope,
  slug,
  searchParams,
  variant = "page",
}: {
  scope: Scope;
  slug: ListSlug;
  searchParams: Promise<SearchParams>;
  variant?: "page" | "home";
}) {
  const config = KIND_CONFIG[slug];
  const [state, zone, db] = await Promise.all([loadTxSearchParams(searchParams), requestZone(scope), getDb()]);
  const [list, stats] = await Promise.all([
    readForPage(listQuerySchema, txListQuery(state, zone), (input) => listTransactions(db, scope, slug, input)),
    variant === "page"
      ? readForPage(listQuerySchema, txFilterQuery(state, zone), (input) => transactionStats(db, scope, slug, input))
      : null,
  ]);
  const columns = transactionColumns(slug, COUNTRIES[scope.market.country]?.networks ?? []);
  const controls = columnControls(columns);
  const page = list.data;
  const rows = (page?.rows ?? []) as TxRow[];
  const total = stats?.data?.counters.total;

  const body = (
    <div className="space-y-3">
      <TransactionsToolbar
        slug={slug}
        variant={variant}
        filters={controls.filters}
        columns={controls.choices}
        search={{ placeholder: config.searchPlaceholder, label: config.searchPlaceholder.replace(/\.\.\.$/, "") }}
        title={config.title}
      />
      <ServerDataTable
        columns={columns}
        rows={rows}
        getRowId={(r) => r.id}
        sort={state.sort}
        defaultSort={DEFAULT_SORT}
        hide={state.hide}
        show={state.show}
        aria-label={config.tableTitle}
        rowOpen={() => ({ param: "tx" })}
        rowLabel={(r) => `Open transaction ${r.referenceId}`}
        error={list.error ? <ListError message={list.error} what="transactions" /> : null}
      />
      <TransactionsPagination
        rowsDisplayed={rows.length}
        total={variant === "page" ? total : undefined}
        resolvedPage={page?.page}
        hasPrev={!!page?.hasPrev}
        hasNext={!!page?.hasNext}
        prevCursor={page?.prevCursor ?? null}
        nextCursor={page?.nextCursor ?? null}
      />
      <TransactionDetail slug={slug} />
      <LiveRefresh active={rows.some((r) => isLiveRow(r))} intervalMs={LIVE_REFETCH_MS} />
    </div>
  );

  if (variant === "home") {
    return (
      <ListProvider rowIds={rows.map((r) => r.id)}>
        <Card>
          <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
            <div>
              <CardTitle>Recent Transactions</CardTitle>
              <CardDescription>Latest activity across all your accounts</CardDescription>
            </div>
            {scope.permissions.has("collections.read") && (
              <Button asChild variant="link" size="sm">
                <Link href="/collections">View All</Link>
              </Button>
            )}
          </CardHeader>
          <CardContent>{body}</CardContent>
        </Card>
      </ListProvider>
    );
  }

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <div className="space-y-6">
        <PageHeader
          title={config.title}
          description={config.description}
          actions={
            <>
              <ListRefreshButton />
              {slug === "collections" && <NewCollectionDialog openParam="new-collection" />}
              {slug === "payouts" && (
                <Button asChild variant="outline" size="sm">
                  <Link href="/payouts/approvals">Approvals</Link>
                </Button>
              )}
              {slug === "payouts" && <SendMoneyDialog openParam="send-money" />}
            </>
          }
        />
        <TransactionStatCards config={config} stats={stats?.data} />
        <TransactionCounters stats={stats?.data} />
        {stats?.error && !list.error && (
          <p className="text-sm text-destructive dark:text-red-300" role="status">
            Counters unavailable: {stats.error}
          </p>
        )}
        <Card>
          <CardHeader>
            <CardTitle>{config.tableTitle}</CardTitle>
            <CardDescription>{config.tableDescription}</CardDescription>
          </CardHeader>
          <CardContent>{body}</CardContent>
        </Card>
      </div>
    </ListProvider>
  );
}
