"use server";

import { gatedAction, refuseMissingPermission } from "@/lib/auth/guard";
import type { Scope } from "@/lib/auth/scope";
import { ForbiddenError } from "@/lib/auth/errors";
import { auditedBy, auditRefusals } from "@/lib/audit/write-audit";
import { canReadList, listReadRequirement, type SavedViewList } from "./lists";
import { createSavedViewSchema, deleteSavedViewSchema, setDefaultSavedViewSchema, updateSavedViewSchema } from "./schemas";
import { createSavedView } from "./create-saved-view";
import { updateSavedView } from "./update-saved-view";
import { deleteSavedView } from "./delete-saved-view";
import { setDefaultSavedView } from "./set-default-saved-view";

/**
 * Saved views: any member ("signed-in"), on a list they may read. The list is in the input, so
 * its read permission is checked here, and refused like the gate refuses (an access.denied row).
 */
async function requireListRead(scope: Scope, list: SavedViewList, action: string): Promise<void> {
  if (!canReadList(scope.permissions, list)) await refuseMissingPermission(scope, listReadRequirement(list), `action ${action}`);
}

export const createSavedViewAction = gatedAction("saved_views.create", "signed-in", createSavedViewSchema, async ({ db, scope, input, meta }) => {
  await requireListRead(scope, input.list, "saved_views.create");
  return createSavedView(db, scope, input, meta);
});

/** Only the creator may change a view: another member's attempt on a shared one is recorded as denied. */
export const updateSavedViewAction = gatedAction("saved_views.update", "signed-in", updateSavedViewSchema, async ({ db, scope, input, meta }) => {
  await requireListRead(scope, input.list, "saved_views.update");
  return auditRefusals(
    db,
    { ...auditedBy(scope, meta), action: "saved_view.updated", targetType: "saved_view", targetId: input.viewId },
    () => updateSavedView(db, scope, input, meta),
    { only: ForbiddenError, outcome: "denied" },
  );
});

export const deleteSavedViewAction = gatedAction("saved_views.delete", "signed-in", deleteSavedViewSchema, async ({ db, scope, input, meta }) => {
  await requireListRead(scope, input.list, "saved_views.delete");
  return auditRefusals(
    db,
    { ...auditedBy(scope, meta), action: "saved_view.deleted", targetType: "saved_view", targetId: input.viewId },
    () => deleteSavedView(db, scope, input, meta),
    { only: ForbiddenError, outcome: "denied" },
  );
});

export const setDefaultSavedViewAction = gatedAction(
  "saved_views.set_default",
  "signed-in",
  setDefaultSavedViewSchema,
  async ({ db, scope, input }) => {
    await requireListRead(scope, input.list, "saved_views.set_default");
    return setDefaultSavedView(db, scope, input);
  },
);
