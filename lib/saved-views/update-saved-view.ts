import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { savedViewDefaults, savedViews } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ForbiddenError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import type { AuditAction } from "@/lib/audit/actions";
import type { SavedViewList } from "./lists";
import { lockVisibleView, normalizeViewParams, withNameCheck } from "./saved-view-rows";

export const ONLY_CREATOR_MESSAGE = "Only the member who saved this view can change it";

/**
 * Rename a view, save the list's current keys into it, share or unshare it: only its creator.
 * Unsharing takes it away from the other members' defaults. A shared view's change is audited.
 */
export async function updateSavedView(
  db: Db,
  scope: Scope,
  input: { list: SavedViewList; viewId: string; name?: string; params?: string; shared?: boolean },
  meta?: Partial<RequestMeta>,
): Promise<{ id: string }> {
  const me = requireMember(scope).userId;
  const params = input.params === undefined ? undefined : normalizeViewParams(input.list, input.params);
  return db.transaction(async (tx) => {
    const view = await lockVisibleView(tx, scope, me, input.list, input.viewId);
    if (view.createdBy !== me) throw new ForbiddenError(ONLY_CREATOR_MESSAGE);
    const wasShared = view.visibility === "shared";
    const shared = input.shared ?? wasShared;
    const name = input.name ?? view.name;
    await withNameCheck(name, shared, () =>
      // A savepoint: a name clash rolls back this update alone and is answered as a 409.
      tx.transaction((sp) =>
        sp
          .update(savedViews)
          .set({ name, params: params ?? view.params, visibility: shared ? "shared" : "private", updatedAt: new Date() })
          .where(and(inScope(savedViews, scope), eq(savedViews.id, view.id))),
      ),
    );
    if (wasShared && !shared) {
      await tx
        .delete(savedViewDefaults)
        .where(and(inScope(savedViewDefaults, scope), eq(savedViewDefaults.viewId, view.id), ne(savedViewDefaults.userId, me)));
    }
    if (wasShared || shared) {
      const action: AuditAction = wasShared === shared ? "saved_view.updated" : shared ? "saved_view.shared" : "saved_view.unshared";
      await writeAudit(tx, {
        ...auditedBy(scope, meta),
        action,
        targetType: "saved_view",
        targetId: view.id,
        metadata: {
          list: input.list,
          name,
          ...(name !== view.name ? { previousName: view.name } : {}),
          ...(params !== undefined && params !== view.params ? { params } : {}),
        },
      });
    }
    return { id: view.id };
  });
}
