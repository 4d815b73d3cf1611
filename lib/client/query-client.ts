import { isServer, QueryClient } from "@tanstack/react-query";
import { onDataChanged } from "./data-changed";

/*
 * The dashboard's React Query client, for the parts that fetch in the browser (detail sheets,
 * dialogs, menus, the wallets page). Not in the shell: the lists are rendered on the server, so a
 * page that fetches nothing in the browser does not download React Query at all (issue 14
 * item 17). Whoever uses a query renders <QueryProvider> (components/shell/query-provider.tsx)
 * around itself; in the browser they all share one client, so the cache outlives a dialog.
 */

function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: false, retry: 1 } } });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  // On the server, one per render: a shared one would mix requests (and members).
  if (isServer) return makeQueryClient();
  if (!browserClient) {
    const client = makeQueryClient();
    onDataChanged((change) => {
      if (change.reset) return client.removeQueries();
      void client.invalidateQueries({
        predicate: (q) =>
          (!change.scope || change.scope.every((k, i) => q.queryKey[i] === k)) &&
          (!change.areas || change.areas.includes(String(q.queryKey[3]))),
      });
    });
    browserClient = client;
  }
  return browserClient;
}
