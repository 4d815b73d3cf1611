import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { can } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { listApprovalThresholds } from "@/lib/engine/approval-thresholds";
import { getWalletsOverview } from "@/lib/wallets/list-wallets";
import { WalletsView } from "@/components/wallets/wallets-view";
import { ApprovalThresholdCard } from "@/components/engine/approval-threshold-card";

export const metadata: Metadata = { title: "Wallets" };

export default async function WalletsPage() {
  const scope = await requirePageScope("wallets.read");
  const db = await getDb();
  const [overview, thresholds] = await Promise.all([
    getWalletsOverview(db, scope),
    // The Payout approvals card: members who manage settings only.
    can(scope, "settings.manage") ? listApprovalThresholds(db, scope) : null,
  ]);
  return (
    <>
      <WalletsView initial={overview} />
      {thresholds && <ApprovalThresholdCard thresholds={thresholds} />}
    </>
  );
}
