import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/auth/errors";
import { isListSlug, KIND_CONFIG, type ListSlug } from "./kinds";

/** The `[kind]` route segment → a known list (404 otherwise). */
export function listSlug(value: string): ListSlug {
  if (!isListSlug(value)) throw new NotFoundError("Unknown transaction list");
  return value;
}

/**
 * The permission a `[kind]` route needs, for gatedRoute: the gate then refuses (403, audited as
 * access.denied) a list the user may not read, e.g. payouts for a Collections-only role.
 */
export function listPermission(params: { kind: string }): Permission | null {
  return KIND_CONFIG[listSlug(params.kind)].permission;
}
