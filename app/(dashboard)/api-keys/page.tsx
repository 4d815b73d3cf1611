import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { prefetchJson } from "@/lib/client/prefetch";
import { listKeysSchema } from "@/lib/api-keys/schemas";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { apiKeysQueryKeys, ownerFilterOf } from "@/components/api-keys/api-keys-query";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";

export const metadata: Metadata = { title: "API Keys" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("api_keys.manage");
  const [params, db] = await Promise.all([searchParams, getDb()]);
  const owner = ownerFilterOf(params.owner);
  // The keys come with the HTML: the route's service, under the client hook's key.
  const qc = new QueryClient();
  const input = listKeysSchema.safeParse({ owner });
  if (input.success) {
    await prefetchJson(qc, apiKeysQueryKeys.list(scopeKeyOf(scope), owner), () => listApiKeys(db, scope, input.data));
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ApiKeysView currentUserId={scope.principal.userId} />
    </HydrationBoundary>
  );
}
