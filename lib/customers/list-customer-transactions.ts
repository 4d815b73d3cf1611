import "server-only";
import { and, count, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/auth/errors";
import { transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { createdOrder, cursorScope, keysetCondition } from "@/lib/transactions/list-transactions";
import { decodeCursor, encodeCursor, MAX_OFFSET_ROWS } from "@/lib/transactions/list-contract";
import { isoUtc } from "@/lib/transactions/query";
import type { CursorPage } from "@/lib/client/list-params";
import type { CustomerTransactionsQuery, CustomerTxKind } from "./customer-transactions-contract";
import { customerReadableKinds, findCustomer } from "./get-customer";

const rowColumns = {
  id: t.id,
  kind: t.kind,
  channel: t.channel,
  referenceId: t.referenceId,
  status: t.status,
  currency: t.currency,
  network: t.network,
  phoneNumber: t.phoneNumber,
  amount: t.amount,
  fee: t.fee,
  errorMessage: t.errorMessage,
  createdAt: isoUtc(t.createdAt),
};

export type CustomerTransactionRow = Omit<Awaited<ReturnType<typeof selectRows>>[number], "kind"> & { kind: CustomerTxKind };

export interface CustomerTransactionsResult extends CursorPage<CustomerTransactionRow> {
  total: number;
  kinds: CustomerTxKind[];
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

/** What the list needs of the query (the contract's parsed params; tests give a part). */
export type CustomerTransactionsInput = Partial<CustomerTransactionsQuery>;

/**
 * One page of a customer's collections and payouts in the selected market, newest first: only
 * the kinds the member may read (a member with payouts.read alone sees no collections), status
 * and kind filters, keyset paging on (created_at, id) — the transactions_customer_idx order —
 * or, for a bare page number (a hand-edited URL), offset paging capped like the lists.
 * Another integrator's or environment's customer is NotFoundError("Customer not found.").
 */
export async function listCustomerTransactions(
  db: Db,
  scope: Scope,
  customerId: string,
  input: CustomerTransactionsInput = {},
): Promise<CustomerTransactionsResult> {
  const customer = await findCustomer(db, scope, customerId);
  const readable = customerReadableKinds(scope);
  const kinds = input.kind ? readable.filter((k) => k === input.kind) : readable;
  const size = input.pageSize ?? 20;
  const statuses = input.status ?? [];
  const here = cursorScope(scope);

  let cursor = input.cursor ? decodeCursor(input.cursor) : null;
  if (input.cursor && !cursor) throw new ValidationError("Malformed cursor", { cursor: ["Malformed cursor"] });
  let page = input.page ?? 1;
  // A cursor from another market or environment: the nearest valid view is page 1.
  if (cursor?.scope && cursor.scope !== here) {
    cursor = null;
    page = 1;
  }

  if (kinds.length === 0) {
    return { rows: [], page: 1, size, nextCursor: null, prevCursor: null, hasNext: false, hasPrev: false, total: 0, kinds: readable };
  }

  const base: SQL[] = [
    eq(t.customerId, customer.id),
    inScope(t, scope, { market: true }),
    kinds.length === 1 ? eq(t.kind, kinds[0]) : inArray(t.kind, kinds),
  ];
  if (statuses.length) base.push(statuses.length === 1 ? eq(t.status, statuses[0]) : inArray(t.status, statuses));
  const where = and(...base);

  const [{ n }] = await db.select({ n: count() }).from(t).where(where);
  const total = Number(n);

  const asRows = (rows: Awaited<ReturnType<typeof selectRows>>) => rows as CustomerTransactionRow[];

  if (cursor || page === 1) {
    const backwards = cursor?.dir === "b";
    const cond = cursor ? keysetCondition(cursor, backwards ? ">" : "<") : undefined;
    const fetched = await selectRows(db, and(where, cond), createdOrder(backwards), size + 1);
    const more = fetched.length > size;
    const rows = asRows(fetched.slice(0, size));
    if (backwards) rows.reverse();
    const hasNext = backwards ? true : more;
    const hasPrev = backwards ? more : cursor !== null;
    return {
      rows,
      page: backwards && !more ? 1 : page,
      size,
      nextCursor:
        hasNext && rows.length
          ? encodeCursor({ dir: "a", ts: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id, scope: here })
          : null,
      prevCursor: hasPrev && rows.length ? encodeCursor({ dir: "b", ts: rows[0].createdAt, id: rows[0].id, scope: here }) : null,
      hasNext,
      hasPrev,
      total,
      kinds: readable,
    };
  }

  // Offset: a page number without a cursor. Past the end: the last page.
  if ((page - 1) * size >= MAX_OFFSET_ROWS) {
    throw new ValidationError(
      `Pages beyond the first ${MAX_OFFSET_ROWS.toLocaleString("en-US")} rows are only reachable page by page; narrow the filters.`,
      { page: ["Page is too deep"] },
    );
  }
  page = Math.max(1, Math.min(page, Math.ceil(total / size)));
  const fetched = await selectRows(db, where, createdOrder(false), size + 1, (page - 1) * size);
  const more = fetched.length > size;
  const rows = asRows(fetched.slice(0, size));
  return {
    rows,
    page,
    size,
    nextCursor:
      more && rows.length
        ? encodeCursor({ dir: "a", ts: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id, scope: here })
        : null,
    prevCursor: page > 1 && rows.length ? encodeCursor({ dir: "b", ts: rows[0].createdAt, id: rows[0].id, scope: here }) : null,
    hasNext: more,
    hasPrev: page > 1,
    total,
    kinds: readable,
  };
}
