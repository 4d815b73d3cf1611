import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { walletIdSchema } from "@/lib/wallets/schemas";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { getWallet } from "@/lib/wallets/list-wallets";
import { formatMoney } from "@/lib/money";
import { COUNTRIES } from "@/lib/markets";
import { Button } from "@/components/ui/button";
import { StatCard } from "@/components/ui/stat-card";
import { StatusPill } from "@/components/ui/status-pill";
import { PageHeader } from "@/components/shell/page-header";
import { BalanceHistory } from "@/components/wallets/balance-history";

export const metadata: Metadata = { title: "Balance history" };

export default async function WalletHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const scope = await requirePageScope("wallets.read");
  const { id } = await pageParams(params);
  if (!walletIdSchema.safeParse(id).success) notFound();
  const db = await getDb();
  const wallet = await getWallet(db, scope, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href="/wallets">
          <ArrowLeft aria-hidden /> Wallets
        </Link>
      </Button>
      <PageHeader
        title={`${wallet.name} — Balance history`}
        description={`Every change of the deposit and main balances of this ${wallet.currency}${wallet.country ? ` (${COUNTRIES[wallet.country]?.name ?? wallet.country})` : ""} wallet, newest first.`}
        actions={<StatusPill status={wallet.status} />}
      />
      <section aria-label="Current balances" className="mb-6 grid gap-4 sm:grid-cols-3">
        <StatCard
          role="group"
          aria-label="Main Balance"
          title="Main Balance"
          value={formatMoney(wallet.payoutBalance, wallet.currency)}
          accent="green"
        />
        <StatCard
          role="group"
          aria-label="Deposit Balance"
          title="Deposit Balance"
          value={formatMoney(wallet.depositBalance, wallet.currency)}
          accent="orange"
        />
        <StatCard
          role="group"
          aria-label="Total Transactions"
          title="Total Transactions"
          value={wallet.transactionCount.toLocaleString("en-US")}
          accent="blue"
        />
      </section>
      <BalanceHistory scope={scope} wallet={wallet} searchParams={searchParams} />
    </>
  );
}
