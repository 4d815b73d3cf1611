import "server-only";
import type { CursorPage } from "@/lib/client/list-params";
import { and, asc, count, desc, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { transactions as t } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/auth/errors";
import type { ListSlug } from "./kinds";
import { encodeCursor, MAX_OFFSET_ROWS, type Cursor, type ListQuery } from "./list-contract";
import { filterConditions, normalizeFilters, rowColumns, scopeConditions, SORT_SQL, type TxFilters } from "./query";

type Row = Awaited<ReturnType<typeof selectRows>>[number];

export interface ListResult extends CursorPage<Row> {
  mode: "keyset" | "offset";
}

function selectRows(db: Db, where: SQL | undefined, orderBy: SQL[], limit: number, offset = 0) {
  const q = db
    .select(rowColumns)
    .from(t)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
  return offset ? q.offset(offset) : q;
}

/** `(created_at, id) < / > (cursor)`: the row-value form uses the list index directly. */
export function keysetCondition(cursor: Pick<Cursor, "ts" | "id">, op: "<" | ">"): SQL {
  return op === "<"
    ? sql`(${t.createdAt}, ${t.id}) < (${cursor.ts}::timestamptz, ${cursor.id})`
    : sql`(${t.createdAt}, ${t.id}) > (${cursor.ts}::timestamptz, ${cursor.id})`;
}

/**
 * (created_at, id) order spelled exactly as the list indexes are built (`DESC NULLS LAST`, which
 * drizzle writes for `.desc()`), or their backward scan: a plain `DESC` means NULLS FIRST and
 * would make the planner sort every matching row instead of reading the index in order.
 */
export function createdOrder(ascending: boolean): SQL[] {
  return ascending
    ? [sql`${t.createdAt} asc nulls first`, sql`${t.id} asc nulls first`]
    : [sql`${t.createdAt} desc nulls last`, sql`${t.id} desc nulls last`];
}

/** One page of a transaction list for the scope's integrator, environment and market. */
export async function listTransactions(db: Db, scope: Scope, slug: ListSlug, input: ListQuery): Promise<ListResult> {
  return listWithFilters(db, scope, normalizeFilters(scope, slug, input));
}

/** "sandbox:KE-KES": stamped into cursors so one carried to another market restarts at page 1. */
export function cursorScope(scope: Scope): string {
  return `${scope.environment}:${scope.market.country}-${scope.market.currency}`;
}

export async function listWithFilters(db: Db, scope: Scope, filters: TxFilters): Promise<ListResult> {
  const here = cursorScope(scope);
  // A cursor (and its page number) from another market or environment: the nearest valid view is page 1.
  const f = filters.cursor?.scope && filters.cursor.scope !== here ? { ...filters, cursor: null, page: 1 } : filters;
  const base = [...scopeConditions(scope, f.kinds), ...filterConditions(f, scope)];
  const byCreated = f.sort.column === "createdAt";
  const newestFirst = f.sort.dir === "desc";

  if (byCreated && (f.cursor || f.page === 1)) {
    // Keyset: page 1, or the page after ("a") / before ("b") a boundary row.
    const c = f.cursor;
    const backwards = c?.dir === "b";
    let cond: SQL | undefined;
    if (c) cond = keysetCondition(c, newestFirst !== backwards ? "<" : ">");
    const fetched = await selectRows(db, and(...base, cond), createdOrder(newestFirst === backwards), f.size + 1);
    const more = fetched.length > f.size;
    const rows = fetched.slice(0, f.size);
    if (backwards) rows.reverse();
    const hasNext = backwards ? true : more;
    const hasPrev = backwards ? more : c !== null;
    return {
      rows,
      page: backwards && !more ? 1 : f.page,
      size: f.size,
      nextCursor:
        hasNext && rows.length
          ? encodeCursor({ dir: "a", ts: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id, scope: here })
          : null,
      prevCursor:
        hasPrev && rows.length ? encodeCursor({ dir: "b", ts: rows[0].createdAt, id: rows[0].id, scope: here }) : null,
      hasNext,
      hasPrev,
      mode: "keyset",
    };
  }

  // Offset: other sorts, or a page number without a cursor (a hand-edited URL). Capped.
  let page = f.page;
  if ((page - 1) * f.size >= MAX_OFFSET_ROWS) {
    throw new ValidationError(
      `Pages beyond the first ${MAX_OFFSET_ROWS.toLocaleString("en-US")} rows are only reachable page by page in Created At order; narrow the filters.`,
      { page: ["Page is too deep"] },
    );
  }
  const { column, nullable } = SORT_SQL[f.sort.column];
  // NOT NULL columns keep PostgreSQL's default null order so an index on them can serve the sort
  // (the amount index); nullable ones put their blanks last in both directions.
  const dir = f.sort.dir === "asc" ? sql`asc` : sql`desc`;
  const order = [
    nullable ? sql`${column} ${dir} nulls last` : sql`${column} ${dir}`,
    f.sort.dir === "asc" ? asc(t.id) : desc(t.id),
  ];
  const where = and(...base);
  let fetched = await selectRows(db, where, order, f.size + 1, (page - 1) * f.size);
  if (fetched.length === 0 && page > 1) {
    // A page past the end: answer with the last page (the nearest valid view).
    const [{ n }] = await db.select({ n: count() }).from(
      db
        .select({ one: sql`1` })
        .from(t)
        .where(where)
        .limit(MAX_OFFSET_ROWS)
        .as("capped"),
    );
    page = Math.max(1, Math.ceil(Number(n) / f.size));
    fetched = await selectRows(db, where, order, f.size + 1, (page - 1) * f.size);
  }
  const more = fetched.length > f.size;
  const rows = fetched.slice(0, f.size);
  const keysetable = byCreated && rows.length > 0;
  return {
    rows,
    page,
    size: f.size,
    nextCursor:
      keysetable && more
        ? encodeCursor({ dir: "a", ts: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id, scope: here })
        : null,
    prevCursor:
      keysetable && page > 1 ? encodeCursor({ dir: "b", ts: rows[0].createdAt, id: rows[0].id, scope: here }) : null,
    hasNext: more && (byCreated || page * f.size < MAX_OFFSET_ROWS),
    hasPrev: page > 1,
    mode: "offset",
  };
}
