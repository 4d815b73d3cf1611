import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { DbOrTx } from "@/lib/team/context";
import { inScope } from "@/lib/db/tenant";
import { savedViewDefaults } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/scope";
import type { SavedViewList } from "./lists";
import { lockVisibleView } from "./saved-view-rows";

/** The member's default view of the list (their own or a shared one), or none (`viewId: null`). A preference: not audited. */
export async function setDefaultSavedView(
  db: Db,
  scope: Scope,
  input: { list: SavedViewList; viewId: string | null },
): Promise<{ viewId: string | null }> {
  const me = requireMember(scope).userId;
  const viewId = input.viewId;
  if (viewId === null) {
    await db
      .delete(savedViewDefaults)
      .where(and(inScope(savedViewDefaults, scope), eq(savedViewDefaults.userId, me), eq(savedViewDefaults.list, input.list)));
    return { viewId: null };
  }
  await db.transaction(async (tx) => {
    // Locked: a concurrent delete or unshare cannot leave a default pointing at a view the member no longer sees.
    await lockVisibleView(tx, scope, me, input.list, viewId);
    await upsertDefault(tx, scope, me, input.list, viewId);
  });
  return { viewId };
}

/** One default per member and list: the row is replaced. */
export async function upsertDefault(tx: DbOrTx, scope: Scope, userId: string, list: SavedViewList, viewId: string): Promise<void> {
  await tx
    .insert(savedViewDefaults)
    .values({ integratorId: scope.integratorId, environment: scope.environment, userId, list, viewId })
    .onConflictDoUpdate({
      target: [savedViewDefaults.integratorId, savedViewDefaults.environment, savedViewDefaults.userId, savedViewDefaults.list],
      set: { viewId, updatedAt: new Date() },
    });
}
