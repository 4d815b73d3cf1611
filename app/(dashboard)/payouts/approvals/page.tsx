import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { jsonValue } from "@/lib/json";
import { listPayoutApprovals } from "@/lib/engine/list-payout-approvals";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/shell/page-header";
import { PayoutApprovals } from "@/components/engine/payout-approvals";

export const metadata: Metadata = { title: "Payout approvals" };

/** Payouts held for a second member's approval (the maker-checker view of the Payouts section). */
export default async function PayoutApprovalsPage() {
  const scope = await requirePageScope("payouts.read");
  const db = await getDb();
  const approvals = await listPayoutApprovals(db, scope).then(
    (rows) => ({ data: jsonValue(rows) }),
    (e: unknown) => {
      console.error("[approvals] could not read the payouts awaiting approval", e);
      return { error: "Something went wrong. Please try again." };
    },
  );
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
      <PayoutApprovals {...approvals} />
    </>
  );
}
