import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { savedViews } from "@/lib/db/schema";
import { requireMember, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import type { SavedViewList } from "./lists";
import { MAX_VIEWS_PER_LIST } from "./schemas";
import { normalizeViewParams, withNameCheck } from "./saved-view-rows";
import { upsertDefault } from "./set-default-saved-view";

/** "Save current view…": the list's current URL keys under a name, the member's own or shared; optionally their default. */
export async function createSavedView(
  db: Db,
  scope: Scope,
  input: { list: SavedViewList; name: string; params: string; shared: boolean; makeDefault: boolean },
  meta?: Partial<RequestMeta>,
): Promise<{ id: string }> {
  const me = requireMember(scope).userId;
  const params = normalizeViewParams(input.list, input.params);
  const visibility = input.shared ? "shared" : "private";
  return withNameCheck(input.name, input.shared, () =>
    db.transaction(async (tx) => {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(savedViews)
        .where(and(inScope(savedViews, scope), eq(savedViews.list, input.list), eq(savedViews.createdBy, me)));
      if (n >= MAX_VIEWS_PER_LIST) {
        throw new ValidationError(`You have ${MAX_VIEWS_PER_LIST} views on this list already: delete one first.`);
      }
      const [row] = await tx
        .insert(savedViews)
        .values({ integratorId: scope.integratorId, environment: scope.environment, list: input.list, name: input.name, params, visibility, createdBy: me })
        .returning({ id: savedViews.id });
      if (input.makeDefault) await upsertDefault(tx, scope, me, input.list, row!.id);
      // Shared views are the team's: their changes are in the audit log (a member's own are not).
      if (input.shared) {
        await writeAudit(tx, {
          ...auditedBy(scope, meta),
          action: "saved_view.created",
          targetType: "saved_view",
          targetId: row!.id,
          metadata: { list: input.list, name: input.name, params },
        });
      }
      return { id: row!.id };
    }),
  );
}
