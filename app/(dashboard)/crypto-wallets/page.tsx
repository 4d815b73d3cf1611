import type { Metadata } from "next";
import QRCode from "qrcode";
import { Bitcoin, Coins } from "lucide-react";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { getCryptoWalletsOverview } from "@/lib/wallets/crypto-wallets";
import { formatTokenAmount } from "@/lib/wallets/format";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { CryptoWalletCard } from "@/components/wallets/crypto-wallet-card";

export const metadata: Metadata = { title: "Crypto Wallets" };

export default async function CryptoWalletsPage() {
  const scope = await requirePageScope("wallets.read");
  const { wallets, totals } = await getCryptoWalletsOverview(await getDb(), scope);
  const qr = await Promise.all(
    wallets.map((w) => QRCode.toDataURL(w.address, { margin: 1, width: 288, errorCorrectionLevel: "M" }).catch(() => null)),
  );

  return (
    <>
      <PageHeader title="Crypto Wallets" description="Balances per chain and token" />
      {wallets.length === 0 ? (
        <Card>
          <EmptyState icon={<Bitcoin />} title="No crypto wallets yet" description={`Your organisation has no crypto wallets in ${scope.environment}.`} />
        </Card>
      ) : (
        <>
          <section aria-label="Token totals" className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {totals.map((t) => (
              <StatCard
                key={t.token}
                role="group"
                aria-label={`${t.token} total`}
                title={`${t.token} total`}
                value={formatTokenAmount(t.balance, t.decimals, 2, 2)}
                hint={`Across ${t.chains.join(", ")}`}
                icon={<Coins />}
                accent="violet"
              />
            ))}
          </section>
          <div className="grid gap-4 lg:grid-cols-2">
            {wallets.map((w, i) => (
              <CryptoWalletCard key={w.id} wallet={w} qrDataUrl={qr[i]} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
