import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson, requestZone } from "@/lib/client/prefetch";
import { auditListQuery, auditQueryKeys, loadAuditSearchParams } from "@/lib/audit/list-contract";
import { auditListSchema } from "@/lib/audit/list-contract-schema";
import { listAuditFacets, listAuditLogs } from "@/lib/audit/list-audit-logs";
import { AuditView } from "@/components/team/audit-view";

export const metadata: Metadata = { title: "Audit Log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("audit.read");
  const [state, tz, db] = await Promise.all([loadAuditSearchParams(searchParams), requestZone(scope), getDb()]);
  // The first page of the log comes with the HTML: the route's service, the client hook's key.
  const qc = new QueryClient();
  const input = parseRouteQuery(auditListSchema, auditListQuery(state, tz));
  const [facets] = await Promise.all([
    listAuditFacets(db, scope),
    input && prefetchJson(qc, auditQueryKeys.list(scopeKeyOf(scope), state, tz), () => listAuditLogs(db, scope, input)),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <AuditView facets={facets} />
    </HydrationBoundary>
  );
}
