/**
 * The transaction routes' path segments (`[kind]`, `[id]`) and what each list requires: for the
 * route handlers only, apart from list-contract.ts, so the client controls that import the
 * contract do not ship the kinds' configuration.
 */
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/auth/errors";
import { isListSlug, KIND_CONFIG, KIND_PERMISSION, type ListSlug } from "./kinds";

/** The `[kind]` route segment → a known list (404 otherwise). */
export function listSlug(value: string): ListSlug {
  if (!isListSlug(value)) throw new NotFoundError("Unknown transaction list");
  return value;
}

/** The `[id]` route segment checked: anything but a transaction id's alphabet is "Transaction not found" (404). */
export function transactionRouteId(value: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new NotFoundError("Transaction not found");
  return value;
}

/** Any one of the kind permissions: what "recent" (every kind the member may read) needs. */
export const ANY_TRANSACTION_READ: readonly Permission[] = Object.values(KIND_PERMISSION);

/**
 * What a `[kind]` route requires, for gatedRoute: the gate then refuses (403, audited as
 * access.denied) a list the member may not read, e.g. payouts for a Collections-only role.
 */
export function listPermission(params: { kind: string }): Permission | readonly Permission[] {
  return KIND_CONFIG[listSlug(params.kind)].permission ?? ANY_TRANSACTION_READ;
}
