import type { Metadata } from "next";
import Link from "next/link";
import { ArrowDownToLine, ArrowUpFromLine, Plus, Wallet } from "lucide-react";
import { requirePageScope } from "@/lib/auth/guard";
import { can } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { getMarketBalances } from "@/lib/wallets/market-balances";
import { formatMoney } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { NewCollectionDialog } from "@/components/engine/new-collection-dialog";
import { StatCard } from "@/components/ui/stat-card";
import type { SearchParams } from "nuqs/server";
import { DailyChartCard } from "@/components/transactions/daily-chart-card";
import { TransactionsList } from "@/components/transactions/transactions-page";
import { readableKinds } from "@/lib/transactions/kinds";
import { dailyChart } from "@/lib/transactions/daily-chart";
import { jsonValue } from "@/lib/json";

export const metadata: Metadata = { title: "Dashboard" };

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope();
  const currency = scope.market.currency;
  const canSeeWallets = can(scope, "wallets.read");
  const showChart = can(scope, "collections.read") || can(scope, "payouts.read");
  // Recent Transactions: every kind the member may read (none: no card, and the route would refuse).
  const showRecent = readableKinds("recent", scope.permissions).length > 0;
  // The balances, the chart and the first page of recent transactions come with the HTML.
  const db = await getDb();
  const [balances, chart] = await Promise.all([
    canSeeWallets ? getMarketBalances(db, scope) : null,
    showChart
      ? dailyChart(db, scope).then(
          (data) => ({ data: jsonValue(data) }),
          (e: unknown) => {
            console.error("[home] the daily chart could not be read", e);
            return { error: "Something went wrong." };
          },
        )
      : null,
  ]);
  const money = (v: bigint | undefined) => (v === undefined ? "—" : formatMoney(v, currency));

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            Welcome back, <span className="text-primary dark:text-violet-300">{scope.organization}</span>
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">
            Here&apos;s an overview of your {currency} wallet activity
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <NewCollectionDialog variant="outline" />
          {can(scope, "customers.manage") && (
            <Button asChild variant="outline">
              <Link href="/customers">
                <Plus aria-hidden /> Add Customer
              </Link>
            </Button>
          )}
          {canSeeWallets && (
            <Button asChild>
              <Link href="/wallets">
                <Wallet aria-hidden /> Manage Wallets
              </Link>
            </Button>
          )}
        </div>
      </div>
      {balances && (
        <section aria-label="Balances" className="grid gap-4 md:grid-cols-3">
          <StatCard
            title="Total Balance"
            value={money(balances.totalBalance)}
            hint={`Your ${currency} wallet total balance (Deposit Balance + Payout Balance)`}
            icon={<Wallet />}
            accent="violet"
          />
          <StatCard
            title="Collections"
            value={money(balances.depositBalance)}
            hint={`Your total ${currency} wallet deposit balance`}
            icon={<ArrowDownToLine />}
            accent="green"
          />
          <StatCard
            title="Payouts"
            value={money(balances.payoutBalance)}
            hint={`Your total ${currency} wallet payout balance`}
            icon={<ArrowUpFromLine />}
            accent="blue"
          />
        </section>
      )}
      {chart && <DailyChartCard {...chart} />}
      {showRecent && <TransactionsList scope={scope} slug="recent" searchParams={searchParams} variant="home" />}
    </div>
  );
}
