import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { can } from "@/lib/auth/scope";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { isListSlug, KIND_CONFIG, type ListSlug } from "./kinds";

/** The `[kind]` route segment → a list the user may read (404 unknown list, 403 no permission). */
export function requireListSlug(value: string, scope: Scope): ListSlug {
  if (!isListSlug(value)) throw new NotFoundError("Unknown transaction list");
  const permission = KIND_CONFIG[value].permission;
  if (permission && !can(scope, permission)) throw new ForbiddenError();
  return value;
}
