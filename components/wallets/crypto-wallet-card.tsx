import { ExternalLink, Wallet } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { CHAINS } from "@/lib/markets";
import { formatTokenAmount } from "@/lib/wallets/format";
import type { CryptoWalletView } from "@/lib/wallets/crypto-wallets";

/** One crypto wallet: chain, address with copy + QR code + explorer link, and its token balances. */
export function CryptoWalletCard({ wallet, qrDataUrl }: { wallet: CryptoWalletView; qrDataUrl: string | null }) {
  const chain = CHAINS[wallet.chain];
  const headingId = `crypto-${wallet.id}`;
  return (
    <Card role="region" aria-labelledby={headingId}>
      <CardHeader className="flex flex-row items-start justify-between gap-3">
        <div className="flex items-center gap-3">
          <span className="flex size-10 items-center justify-center rounded-lg bg-primary/15 text-primary dark:text-violet-300" aria-hidden>
            <Wallet className="size-5" />
          </span>
          <div>
            <h2 id={headingId} className="font-semibold leading-tight">
              {wallet.name}
            </h2>
            <p className="text-sm text-muted-foreground">{chain?.name ?? wallet.chain} network</p>
          </div>
        </div>
        <Badge variant="outline">{wallet.chain}</Badge>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_144px]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-4">
          <div>
            <p className="mb-1 text-xs font-medium text-muted-foreground">Address</p>
            <div className="flex min-w-0 items-center gap-1">
              <code className="min-w-0 truncate rounded bg-muted px-2 py-1 font-mono text-xs" title={wallet.address}>
                {wallet.address}
              </code>
              <CopyButton value={wallet.address} label={`${wallet.chain} address`} />
            </div>
            {chain && (
              <a
                href={chain.explorer(wallet.address)}
                target="_blank"
                rel="noopener noreferrer"
                className="mt-2 inline-flex items-center gap-1 text-xs font-medium text-primary hover:underline dark:text-violet-300"
              >
                View on {chain.name} explorer <ExternalLink className="size-3" aria-hidden />
              </a>
            )}
          </div>
          <div>
            <p className="mb-1 text-xs font-medium text-muted-foreground">Token balances</p>
            {wallet.balances.length === 0 ? (
              <p className="text-sm text-muted-foreground">No tokens held yet.</p>
            ) : (
              <ul className="divide-y rounded-md border text-sm" aria-label={`${wallet.name} token balances`}>
                {wallet.balances.map((b) => (
                  <li key={b.token} className="flex items-center justify-between gap-3 px-3 py-2">
                    <span className="font-medium">{b.token}</span>
                    <span className="font-mono tabular-nums" title={`${b.balance} base units (${b.decimals} decimals)`}>
                      {formatTokenAmount(b.balance, b.decimals, 6, 2)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        {qrDataUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server
          <img
            src={qrDataUrl}
            alt={`QR code for the ${chain?.name ?? wallet.chain} address ${wallet.address}`}
            width={144}
            height={144}
            className="size-36 max-w-none justify-self-center rounded-md bg-white p-1.5"
          />
        )}
      </CardContent>
    </Card>
  );
}
