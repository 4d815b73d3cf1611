/**
 * The team forms' limits and helpers, without zod: the dialogs import these (schemas.ts
 * re-exports them for the server), so the pages do not ship zod; the schemas load on first validation.
 */
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-limits";

/** At most this many addresses in one "Invite teammates" submission. */
export const MAX_INVITES_PER_REQUEST = 50;
/** An invite link works once, for this long. */
export const INVITE_TTL_HOURS = 72;
/** The account-security rules' limits (the common-password list is checked on the server). */
export const PASSWORD_MIN_LENGTH = PASSWORD_MIN;
export const PASSWORD_MAX_LENGTH = PASSWORD_MAX;
export const ROLE_NAME_MAX_LENGTH = 50;

/** Splits what people paste (commas, semicolons, spaces, new lines) into candidate addresses. */
export function splitEmailList(raw: string): string[] {
  return raw
    .split(/[\s,;]+/)
    .map((e) => e.trim().replace(/^<|>$/g, ""))
    .filter(Boolean);
}
