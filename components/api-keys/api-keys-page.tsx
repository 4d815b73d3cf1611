import "server-only";
import Link from "next/link";
import { BookOpen, KeyRound } from "lucide-react";
import type { SearchParams } from "nuqs/server";
import type { MemberScope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listKeysSchema } from "@/lib/api-keys/schemas";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/shell/page-header";
import { ListProvider } from "@/components/data-table/list-context";
import { ServerDataTable } from "@/components/data-table/server-data-table";
import { ListError } from "@/components/data-table/list-error";
import { apiKeyColumns } from "./api-key-columns";
import { OwnerFilter } from "./api-keys-list-controls";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { ALL_OWNERS, OWNER_SELECT_ID, ownerFilterOf } from "./owner-filter";
import { ListCount } from "@/components/data-table/list-count";

/**
 * API Keys, rendered on the server: this environment's keys, filtered by owner (in the URL), read
 * with the route's schema and service. The browser runs the owner filter, each row's actions
 * (roll, permissions, revoke) and Generate (api-keys-list-controls.tsx, generate-key-dialog.tsx).
 * Keys themselves are never listed (only their prefix): a new key is shown once, in its dialog.
 */
export async function ApiKeysList({ scope, searchParams }: { scope: MemberScope; searchParams: Promise<SearchParams> }) {
  const [params, db] = await Promise.all([searchParams, getDb()]);
  const owner = ownerFilterOf(params.owner);
  const list = await readForPage(listKeysSchema, new URLSearchParams({ owner }).toString(), (input) => listApiKeys(db, scope, input));
  const owners = list.data?.owners ?? [];
  const rows = (list.data?.keys ?? []) as ApiKeyDto[];
  const filtered = owner !== ALL_OWNERS;

  return (
    <ListProvider rowIds={rows.map((k) => k.id)}>
      <PageHeader
        title="API Keys"
        description="Manage API keys and per-key permissions"
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/api-keys/reference">
                <BookOpen aria-hidden />
                API reference
              </Link>
            </Button>
            <GenerateKeyDialog owners={owners} currentUserId={scope.principal.userId} />
          </>
        }
      />

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-end justify-between gap-4">
          <div className="grid gap-1.5">
            <CardTitle>Keys</CardTitle>
            <CardDescription>List of keys scoped by owner filter</CardDescription>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {list.data && (
              <ListCount total={rows.length} noun="key" />
            )}
            <div className="flex items-center gap-2">
              <Label htmlFor={OWNER_SELECT_ID}>Owner</Label>
              <OwnerFilter owners={owners} />
            </div>
          </div>
        </CardHeader>
        <CardContent>
          <ServerDataTable
            columns={apiKeyColumns(owners)}
            rows={rows}
            getRowId={(k) => k.id}
            aria-label="Keys"
            rowProps={(k) => ({ "data-testid": "api-key-row", "data-key-name": k.name, "data-status": k.status })}
            error={list.error ? <ListError message={list.error} what="API keys" /> : null}
            empty={
              <EmptyState
                icon={<KeyRound />}
                title="No API keys found."
                description={filtered ? "No key of this environment belongs to this owner." : "Generate a key to call the API from your servers."}
              />
            }
          />
        </CardContent>
      </Card>
    </ListProvider>
  );
}
