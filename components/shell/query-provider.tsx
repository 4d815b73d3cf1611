"use client";

import { useContext } from "react";
import { QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/client/query-client";

/**
 * React Query for what is inside (lib/client/query-client.ts says why it is not in the shell).
 * Inside another one it adds nothing: a server render then keeps one client (and what the page
 * hydrated into it) for the whole tree.
 */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const parent = useContext(QueryClientContext);
  if (parent) return children;
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
