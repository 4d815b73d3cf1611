"use client";

import { NuqsAdapter } from "nuqs/adapters/next/app";
import { TransactionWatcherOnDemand } from "@/components/engine/transaction-watcher-on-demand";

/**
 * The dashboard's client state: URL state (nuqs). Here rather than in the root layout so the
 * sign-in pages do not download it. React Query is not here: the parts that fetch in the browser
 * bring it (components/shell/query-provider.tsx).
 */
export function DashboardProviders({ children }: { children: React.ReactNode }) {
  return (
    <NuqsAdapter>
      {children}
      {/* Toasts how this tab's new collections and payouts end, and refreshes what they change. */}
      <TransactionWatcherOnDemand />
    </NuqsAdapter>
  );
}
