/**
 * The transaction table's URL state: one nuqs parser map shared by the server page
 * (createLoader) and the client table (useQueryStates), as midday does.
 * `tx` is the open detail sheet (a transaction id), so a detail URL opens directly.
 */
import { createLoader, createSerializer, parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT } from "./list-params";

export const txSearchParams = {
  q: parseAsString.withDefault(""),
  status: parseAsArrayOf(parseAsString).withDefault([]),
  network: parseAsArrayOf(parseAsString).withDefault([]),
  method: parseAsArrayOf(parseAsString).withDefault([]),
  chain: parseAsArrayOf(parseAsString).withDefault([]),
  token: parseAsArrayOf(parseAsString).withDefault([]),
  refund: parseAsArrayOf(parseAsString).withDefault([]),
  from: parseAsString,
  to: parseAsString,
  min: parseAsString,
  max: parseAsString,
  sort: parseAsString.withDefault(DEFAULT_SORT),
  size: parseAsInteger.withDefault(DEFAULT_PAGE_SIZE),
  page: parseAsInteger.withDefault(1),
  cursor: parseAsString,
  /** Hidden column ids ("View"). */
  hide: parseAsArrayOf(parseAsString).withDefault([]),
  tx: parseAsString,
};

export type TxSearchState = {
  [K in keyof typeof txSearchParams]: ReturnType<(typeof txSearchParams)[K]["parseServerSide"]>;
};

export const loadTxSearchParams = createLoader(txSearchParams);

/** The API query string for a table state (the filters, sort and paging; not `hide`/`tx`). */
const serializeApi = createSerializer({
  q: txSearchParams.q,
  status: txSearchParams.status,
  network: txSearchParams.network,
  method: txSearchParams.method,
  chain: txSearchParams.chain,
  token: txSearchParams.token,
  refund: txSearchParams.refund,
  from: txSearchParams.from,
  to: txSearchParams.to,
  min: txSearchParams.min,
  max: txSearchParams.max,
  sort: txSearchParams.sort,
  size: txSearchParams.size,
  page: txSearchParams.page,
  cursor: txSearchParams.cursor,
});

export function apiQueryString(state: Partial<TxSearchState>, extra: Record<string, string | undefined> = {}): string {
  const base = serializeApi(state);
  const params = new URLSearchParams(base.startsWith("?") ? base.slice(1) : base);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") params.set(k, v);
  return params.toString();
}

/** Only the filters (for stats: no paging, no sort). */
export function filterQueryString(state: Partial<TxSearchState>, extra: Record<string, string | undefined> = {}): string {
  const { sort: _s, size: _z, page: _p, cursor: _c, ...filters } = state;
  void _s;
  void _z;
  void _p;
  void _c;
  return apiQueryString(filters, extra);
}
