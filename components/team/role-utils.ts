import type { Permission } from "@/lib/auth/permissions";

/** A role the current user may give: every one of its permissions is one they hold (the server checks again). */
export function canGrant(role: { permissions: readonly string[] }, mine: readonly Permission[]): boolean {
  return role.permissions.every((p) => (mine as readonly string[]).includes(p));
}
