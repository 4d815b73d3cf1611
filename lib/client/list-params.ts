/**
 * The vocabulary every list contract is built from (lib/<area>/*-contract.ts): the nuqs parsers
 * the page and the table read the URL with, the serializer that turns the table's URL state into
 * the API's query string, column visibility and the page types. Pure and free of zod: imported by
 * routes, server pages and client components alike. The zod pieces the routes parse a query string
 * with (`single`, `listParam`, `searchParam`, `dayParam`, `sortParam`…) are in list-params-schema.ts,
 * so zod stays on the server (a client component importing a contract does not ship it).
 *
 * The URL keys are the same everywhere: `q` (search), one key per filter, `sort` ("column.asc" |
 * "column.desc"), `page`, `cursor` (keyset lists), `size` (page size), `hide` and `show` (column
 * visibility against the list's defaults, UI only). A list's contract picks the ones it has.
 */
import {
  createSerializer,
  parseAsArrayOf,
  parseAsString,
  type ParserMap,
  type inferParserType,
} from "nuqs/server";

export type SortDir = "asc" | "desc";

/** "amount.desc" → { column: "amount", dir: "desc" } when the column is one of `columns`; else null. */
export function parseSortValue<C extends string>(
  value: string,
  columns: readonly C[],
): { column: C; dir: SortDir } | null {
  const m = /^([a-zA-Z]+)\.(asc|desc)$/.exec(value);
  if (!m || !(columns as readonly string[]).includes(m[1])) return null;
  return { column: m[1] as C, dir: m[2] as SortDir };
}

/**
 * Column visibility ("View"), URL-only, never sent to the API: each key is a change from the
 * list's defaults (columns whose meta says `defaultHidden`). `hide` lists default-visible columns
 * turned off, `show` default-hidden columns turned on; no key is the default view. A delta rather
 * than the whole set, so a copied URL or a saved view reproduces the view, and a column that later
 * becomes hidden by default does not change what an old URL shows for the others.
 */
export const hiddenColumnsParser = parseAsArrayOf(parseAsString).withDefault([]);
export const shownColumnsParser = parseAsArrayOf(parseAsString).withDefault([]);

/** The columns "View" may hide: id → hidden by default. */
export type ColumnDefaults = ReadonlyMap<string, boolean>;

/**
 * What shows: the defaults, then `show` turns default-hidden columns on and `hide` turns the
 * others off. Ids of columns that cannot hide (reference, status…) or do not exist are ignored,
 * so a hand-edited URL cannot hide them.
 */
export function columnVisibility(
  defaults: ColumnDefaults,
  hide: readonly string[],
  show: readonly string[],
): Record<string, boolean> {
  const hidden = new Set(hide);
  const shown = new Set(show);
  return Object.fromEntries(
    [...defaults].map(([id, defaultHidden]) => [id, defaultHidden ? shown.has(id) : !hidden.has(id)]),
  );
}

/** The `hide` and `show` keys of a visibility (absent ids: visible): only the changes from the defaults. */
export function columnVisibilityKeys(
  defaults: ColumnDefaults,
  visible: Readonly<Record<string, boolean>>,
): { hide: string[]; show: string[] } {
  const changed = (defaultHidden: boolean) =>
    [...defaults]
      .filter(([id, d]) => d === defaultHidden && (visible[id] !== false) === defaultHidden)
      .map(([id]) => id);
  return { hide: changed(false), show: changed(true) };
}

/** A query string → what the gate hands a route's schema (repeated keys become arrays). */
export function queryObject(query: string | URLSearchParams): Record<string, string | string[]> {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * The API query string of a table state: the keys of `parsers` (defaults left out, exactly as
 * the URL writes them), then `extra` (e.g. `tz`). Deterministic for equal states, so the server
 * page and the client hook build the same React Query key from it.
 */
export function apiQuerySerializer<P extends ParserMap>(parsers: P) {
  const serialize = createSerializer(parsers);
  return (state: Partial<inferParserType<P>>, extra: Record<string, string | null | undefined> = {}): string => {
    const picked = Object.fromEntries(
      Object.keys(parsers).map((k) => [k, (state as Record<string, unknown>)[k] ?? null]),
    );
    const base = (serialize as unknown as (values: Record<string, unknown>) => string)(picked);
    const params = new URLSearchParams(base.startsWith("?") ? base.slice(1) : base);
    for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") params.set(k, v);
    return params.toString();
  };
}

/** The parsed URL state of a parser map (what the loader and useQueryStates return). */
export type UrlStateOf<P extends ParserMap> = { [K in keyof P]: ReturnType<P[K]["parseServerSide"]> };

/**
 * One list's URL state from its parts: the filters (what stats and exports are asked for), the sort
 * and paging keys (what the list adds), and keys only the page has (an open detail). The page's
 * parser map adds `hide` and `show` (column visibility); the two serializers give the list's and
 * the filters' API query strings. The server page's loader (`createLoader(searchParams)`) lives in
 * the contract's `*-contract-schema.ts`, with the other server-only parts, so the client controls
 * that import the contract do not ship it.
 */
export function listUrlState<F extends ParserMap, G extends ParserMap, X extends ParserMap = Record<never, never>>(
  filters: F,
  paging: G,
  pageOnly?: X,
) {
  const searchParams = {
    ...filters,
    ...paging,
    hide: hiddenColumnsParser,
    show: shownColumnsParser,
    ...(pageOnly ?? ({} as X)),
  };
  return {
    searchParams,
    listQuery: apiQuerySerializer({ ...filters, ...paging }),
    filterQuery: apiQuerySerializer(filters),
  };
}

/** A page of a keyset-paged list, as its route answers (the transactions and the audit log). */
export interface CursorPage<Row> {
  rows: Row[];
  page: number;
  size: number;
  /** Pass as `cursor` (with page + 1) for the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `cursor` (with page - 1) for the previous page; null on the first. */
  prevCursor: string | null;
  hasNext: boolean;
  hasPrev: boolean;
}
