import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/team/context";
import { inScope } from "@/lib/db/tenant";
import { savedViews } from "@/lib/db/schema";
import { can, type Scope } from "@/lib/auth/scope";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { hasControlChars } from "@/lib/text-input";
import type { SavedViewList } from "./lists";
import { viewParsersOf } from "./view-keys";

/** What the saved-view services share: the params check, who sees and may change a view, name clashes. */

export type SavedViewRow = typeof savedViews.$inferSelect;

export const VIEW_NOT_FOUND = "Saved view not found";

/**
 * A view's params as stored: only the list's view keys (filters, sort, size, hide), each once and
 * with a value the list's own URL parser accepts; re-serialised, so equal views store equal text.
 */
export function normalizeViewParams(list: SavedViewList, raw: string): string {
  const parsers = viewParsersOf(list);
  const given = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  const out = new URLSearchParams();
  const refuse = (message: string): never => {
    throw new ValidationError(message, { params: [message] });
  };
  for (const [key, value] of given) {
    const parser = parsers.get(key);
    if (!parser) refuse(`"${key.slice(0, 40)}" is not a filter, sort or column setting of this list`);
    if (out.has(key)) refuse(`"${key}" is given twice`);
    // The raw text was checked; its percent-decoded values are checked too.
    if (hasControlChars(value)) refuse(`"${key}" cannot contain control characters`);
    let parsed: unknown = null;
    try {
      parsed = (parser as { parse(v: string): unknown }).parse(value);
    } catch {
      /* refused below */
    }
    if (parsed === null) refuse(`"${key}" has a value this list does not accept`);
    out.append(key, value);
  }
  return out.toString();
}

/** The views a member sees on a list: their own and the team's shared ones. */
export function visibleViews(scope: Scope, userId: string, list: SavedViewList): SQL {
  return and(
    inScope(savedViews, scope),
    eq(savedViews.list, list),
    or(eq(savedViews.createdBy, userId), eq(savedViews.visibility, "shared")),
  )!;
}

/** One view the member sees on the list, locked for the change; another member's private view is "not found". */
export async function lockVisibleView(tx: DbOrTx, scope: Scope, userId: string, list: SavedViewList, viewId: string): Promise<SavedViewRow> {
  const [row] = await tx
    .select()
    .from(savedViews)
    .where(and(visibleViews(scope, userId, list), eq(savedViews.id, viewId)))
    .for("update");
  if (!row) throw new NotFoundError(VIEW_NOT_FOUND);
  return row;
}

/**
 * Who may delete a view: its creator; a shared one also a member who manages the team (a view
 * everyone sees should not outlive a creator who left). Renaming, changing and (un)sharing stay
 * the creator's alone.
 */
export function mayDeleteView(scope: Scope, userId: string, view: Pick<SavedViewRow, "createdBy" | "visibility">): boolean {
  return view.createdBy === userId || (view.visibility === "shared" && can(scope, "users.manage"));
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === "23505" || err?.cause?.code === "23505";
}

/** Runs an insert or update of a view; a name clash (one of the unique indexes) is a 409 on the name. */
export async function withNameCheck<T>(name: string, shared: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = shared ? `The team already has a shared view named "${name}"` : `You already have a view named "${name}"`;
    throw new ConflictError(message, { name: [message] });
  }
}
