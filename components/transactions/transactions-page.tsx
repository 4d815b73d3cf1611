import "server-only";
import { Suspense } from "react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson, requestZone } from "@/lib/client/prefetch";
import type { ListSlug } from "@/lib/transactions/kinds";
import { loadTxSearchParams, txFilterQuery, txListQuery, txQueryKeys } from "@/lib/transactions/list-contract";
import { listQuerySchema } from "@/lib/transactions/list-contract-schema";
import { listTransactions } from "@/lib/transactions/list-transactions";
import { transactionStats } from "@/lib/transactions/transaction-stats";
import { getTransaction } from "@/lib/transactions/get-transaction";
import { dailyChart } from "@/lib/transactions/daily-chart";
import { TransactionsView } from "./transactions-view";

/**
 * A transaction list, server side: reads the URL with the contract's parser map (as the table
 * will), parses the API query exactly as the route does, calls the route's services and puts
 * their JSON under the client hooks' keys. The rows (and the counters, the open detail, the home
 * chart) are then in the HTML; the client fetches only what the user changes next.
 */
export async function prefetchTransactions(
  qc: QueryClient,
  scope: Scope,
  slug: ListSlug,
  searchParams: Promise<SearchParams>,
  opts: { list?: boolean; stats?: boolean; chart?: boolean } = {},
): Promise<void> {
  const [state, tz, db] = await Promise.all([loadTxSearchParams(searchParams), requestZone(scope), getDb()]);
  const scopeKey = scopeKeyOf(scope);
  const listInput = parseRouteQuery(listQuerySchema, txListQuery(state, tz));
  const filterInput = parseRouteQuery(listQuerySchema, txFilterQuery(state, tz));
  await Promise.all([
    opts.list !== false &&
      listInput &&
      prefetchJson(qc, txQueryKeys.list(scopeKey, slug, state, tz), () => listTransactions(db, scope, slug, listInput)),
    opts.stats &&
      filterInput &&
      prefetchJson(qc, txQueryKeys.stats(scopeKey, slug, state, tz), () =>
        transactionStats(db, scope, slug, filterInput),
      ),
    state.tx &&
      prefetchJson(qc, txQueryKeys.detail(scopeKey, slug, state.tx), () => getTransaction(db, scope, slug, state.tx!)),
    opts.chart && prefetchJson(qc, txQueryKeys.daily(scopeKey), () => dailyChart(db, scope)),
  ]);
}

/** A whole transaction list page (collections, payouts, onramp, offramp), prefetched and hydrated. */
export async function TransactionsPage({
  scope,
  slug,
  searchParams,
}: {
  scope: Scope;
  slug: ListSlug;
  searchParams: Promise<SearchParams>;
}) {
  const qc = new QueryClient();
  await prefetchTransactions(qc, scope, slug, searchParams, { stats: true });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <Suspense>
        <TransactionsView slug={slug} />
      </Suspense>
    </HydrationBoundary>
  );
}
