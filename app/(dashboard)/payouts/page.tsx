import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { TransactionsList } from "@/components/transactions/transactions-page";
import { KIND_CONFIG } from "@/lib/transactions/kinds";

export const metadata: Metadata = { title: KIND_CONFIG.payouts.title };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("payouts.read");
  return <TransactionsList scope={scope} slug="payouts" searchParams={searchParams} />;
}
