import { Suspense } from "react";
import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { TransactionsView } from "@/components/transactions/transactions-view";
import { KIND_CONFIG } from "@/lib/transactions/kinds";

export const metadata: Metadata = { title: KIND_CONFIG.offramp.title };

export default async function Page() {
  await requirePageScope("offramp.read");
  return (
    <Suspense>
      <TransactionsView slug="offramp" />
    </Suspense>
  );
}
