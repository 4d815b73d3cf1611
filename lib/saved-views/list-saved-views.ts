import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { savedViewDefaults, savedViews, users } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { isSavedViewList, type SavedViewDto, type SavedViewList } from "./lists";
import { mayDeleteView, visibleViews } from "./saved-view-rows";

/** A list's saved views for the member: their own (private or shared) and the team's shared ones, the default marked. */
export async function listSavedViews(db: Db, scope: Scope, input: { list: SavedViewList }): Promise<SavedViewDto[]> {
  const me = requireMember(scope).userId;
  const rows = await db
    .select({ view: savedViews, creatorName: users.name, defaultOf: savedViewDefaults.viewId })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.createdBy))
    .leftJoin(
      savedViewDefaults,
      and(
        inScope(savedViewDefaults, scope),
        eq(savedViewDefaults.userId, me),
        eq(savedViewDefaults.list, input.list),
        eq(savedViewDefaults.viewId, savedViews.id),
      ),
    )
    .where(visibleViews(scope, me, input.list))
    .orderBy(asc(savedViews.visibility), sql`lower(${savedViews.name})`, asc(savedViews.id));
  return rows.map(({ view, creatorName, defaultOf }) => ({
    id: view.id,
    list: input.list,
    name: view.name,
    params: view.params,
    visibility: view.visibility,
    createdBy: { id: view.createdBy, name: creatorName },
    mine: view.createdBy === me,
    isDefault: defaultOf !== null,
    canDelete: mayDeleteView(scope, me, view),
    updatedAt: view.updatedAt.toISOString(),
  }));
}

/** The `[list]` path segment: an unknown list is a 404. */
export function savedViewRouteList(params: { list: string }): SavedViewList {
  if (!isSavedViewList(params.list)) throw new NotFoundError("Unknown list");
  return params.list;
}
