import type { Metadata } from "next";
import QRCode from "qrcode";
import { Bitcoin, Coins } from "lucide-react";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { listCryptoWallets } from "@/lib/wallets/crypto-wallets";
import { formatTokenAmount } from "@/lib/wallets/format";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { CryptoWalletCard } from "@/components/wallets/crypto-wallet-card";

export const metadata: Metadata = { title: "Crypto Wallets" };

export default async function CryptoWalletsPage() {
  const scope = await requirePageScope("wallets.read");
  const wallets = await listCryptoWallets(await getDb(), scope);

  // Totals per token across chains (base units; a token has one decimals value everywhere here).
  const totals = new Map<string, { base: bigint; decimals: number; chains: Set<string> }>();
  for (const w of wallets) {
    for (const b of w.balances) {
      const t = totals.get(b.token) ?? { base: 0n, decimals: b.decimals, chains: new Set<string>() };
      t.base += BigInt(b.balance);
      t.chains.add(w.chain);
      totals.set(b.token, t);
    }
  }
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
            {[...totals.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([token, t]) => (
                <StatCard
                  key={token}
                  role="group"
                  aria-label={`${token} total`}
                  title={`${token} total`}
                  value={formatTokenAmount(t.base.toString(), t.decimals, 2, 2)}
                  hint={`Across ${[...t.chains].sort().join(", ")}`}
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
