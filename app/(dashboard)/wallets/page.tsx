import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { getWalletsOverview } from "@/lib/wallets/list-wallets";
import { WalletsView } from "@/components/wallets/wallets-view";

export const metadata: Metadata = { title: "Wallets" };

export default async function WalletsPage() {
  const scope = await requirePageScope("wallets.read");
  const overview = await getWalletsOverview(await getDb(), scope);
  return <WalletsView initial={overview} />;
}
