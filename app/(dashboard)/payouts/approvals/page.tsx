import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { prefetchJson } from "@/lib/client/prefetch";
import { listPayoutApprovals } from "@/lib/engine/list-payout-approvals";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/shell/page-header";
import { PayoutApprovals } from "@/components/engine/payout-approvals";
import { payoutApprovalsKey } from "@/components/engine/payout-approvals-key";

export const metadata: Metadata = { title: "Payout approvals" };

/** Payouts held for a second member's approval (the maker-checker view of the Payouts section). */
export default async function PayoutApprovalsPage() {
  const scope = await requirePageScope("payouts.read");
  const qc = new QueryClient();
  const db = await getDb();
  await prefetchJson(qc, payoutApprovalsKey(scopeKeyOf(scope)), () => listPayoutApprovals(db, scope));
  return (
    <>
      <PageHeader
        title="Payout approvals"
        description={`${scope.market.currency} payouts at or above the approval threshold, waiting for another member`}
        actions={
          <Button asChild variant="outline">
            <Link href="/payouts">
              <ArrowLeft aria-hidden /> Back to Payouts
            </Link>
          </Button>
        }
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <PayoutApprovals />
      </HydrationBoundary>
    </>
  );
}
