import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { savedViews } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ForbiddenError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import type { SavedViewList } from "./lists";
import { lockVisibleView, mayDeleteView } from "./saved-view-rows";

export const DELETE_REFUSED_MESSAGE = "Only the member who saved this view, or a member who manages the team, can delete it";

/** Deletes a view (and every member's default pointing at it): its creator, or for a shared view a team manager. */
export async function deleteSavedView(
  db: Db,
  scope: Scope,
  input: { list: SavedViewList; viewId: string },
  meta?: Partial<RequestMeta>,
): Promise<{ id: string }> {
  const me = requireMember(scope).userId;
  return db.transaction(async (tx) => {
    const view = await lockVisibleView(tx, scope, me, input.list, input.viewId);
    if (!mayDeleteView(scope, me, view)) throw new ForbiddenError(DELETE_REFUSED_MESSAGE);
    await tx.delete(savedViews).where(and(inScope(savedViews, scope), eq(savedViews.id, view.id)));
    if (view.visibility === "shared") {
      await writeAudit(tx, {
        ...auditedBy(scope, meta),
        action: "saved_view.deleted",
        targetType: "saved_view",
        targetId: view.id,
        metadata: { list: input.list, name: view.name, createdBy: view.createdBy },
      });
    }
    return { id: view.id };
  });
}
