import { z } from "zod";
import { ALL_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { plainText } from "@/lib/engine/schemas";
import { stepUpFields } from "@/lib/auth/step-up-fields";

const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown key");
/** Longest grace period a rolled key keeps working. */
export const ROLL_GRACE_MAX_DAYS = 7;
/** What a key may be granted: everything the public API checks (team, roles and audit are dashboard-only). */
export const API_KEY_PERMISSIONS: readonly Permission[] = ALL_PERMISSIONS.filter(
  (p) => !p.startsWith("users.") && !p.startsWith("roles.") && !p.startsWith("audit.") && p !== "api_keys.manage" && p !== "settings.manage",
);
const permissionList = z
  .array(z.enum(API_KEY_PERMISSIONS as [Permission, ...Permission[]], { error: "Unknown permission" }))
  .max(API_KEY_PERMISSIONS.length)
  .transform((ps) => [...new Set(ps)].sort());

const futureDate = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label}: enter a date and time` })
    .transform((v) => new Date(v));

export const generateKeySchema = z
  .object({
    name: plainText(60, "The name").pipe(z.string().min(1, "Give the key a name")),
    owner: z.enum(["integrator", "user"], { error: "Choose who owns the key" }),
    /** The member a user-bound key belongs to (default: whoever generates it). */
    userId: keyId.optional(),
    secure: z.boolean().default(false),
    expiresAt: futureDate("Expiry").optional(),
    /** A user-bound key's starting permissions (default none, §1.3); a subset of its user's. */
    permissions: permissionList.default([]),
    ...stepUpFields,
  })
  .strict();
export type GenerateKeyInput = z.input<typeof generateKeySchema>;

export const revokeKeySchema = z.object({ keyId }).strict();

export const rollKeySchema = z
  .object({
    keyId,
    /** Until when the old key keeps working (now … now + 7 days). */
    oldKeyExpiresAt: futureDate("Old key works until"),
    ...stepUpFields,
  })
  .strict();
export type RollKeyInput = z.input<typeof rollKeySchema>;

export const setKeyPermissionsSchema = z.object({ keyId, permissions: permissionList }).strict();

export const listKeysSchema = z.object({
  /** all | integrator | a member's user id */
  owner: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default("all"),
});
