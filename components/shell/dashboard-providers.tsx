"use client";

import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { TransactionWatcher } from "@/components/engine/transaction-watcher";

/**
 * The dashboard's client state: React Query (keys start with environment and market) and URL state
 * (nuqs). Here rather than in the root layout so the sign-in pages do not download them.
 */
export function DashboardProviders({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: false, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        {children}
        {/* Toasts how this tab's new collections and payouts end, and refreshes what they change. */}
        <TransactionWatcher />
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
