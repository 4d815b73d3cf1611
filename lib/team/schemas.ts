/**
 * The zod schemas of every team mutation: shared by the forms (zodResolver) and the server
 * actions (which parse again). Pure: safe to import from client components.
 */
import { z } from "zod";
import { ALL_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { cleanText } from "@/lib/text-input";
import { MAX_INVITES_PER_REQUEST, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLE_NAME_MAX_LENGTH, splitEmailList } from "./team-constants";

// The forms' limits and helpers live in a zod-free module (the dialogs import it); re-exported for the server.
export {
  INVITE_TTL_HOURS,
  MAX_INVITES_PER_REQUEST,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLE_NAME_MAX_LENGTH,
  splitEmailList,
} from "./team-constants";

/** Record ids (24 hex here; any short url-safe string is accepted so a bad id is "not found", not a crash). */
export const idSchema = z
  .string({ error: "Missing id" })
  .trim()
  .min(1, "Missing id")
  .max(64, "Unknown id")
  .regex(/^[A-Za-z0-9_-]+$/, "Unknown id");

const emailSchema = z.email();

export interface ParsedEmailList {
  emails: string[];
  invalid: string[];
  duplicates: string[];
}

/** Lower-cased, validated addresses, with the malformed ones and the repeated ones listed. */
export function parseEmailList(raw: string): ParsedEmailList {
  const emails: string[] = [];
  const invalid: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const candidate of splitEmailList(raw)) {
    const email = candidate.toLowerCase();
    if (email.length > 254 || !emailSchema.safeParse(email).success) {
      invalid.push(candidate);
      continue;
    }
    if (seen.has(email)) {
      if (!duplicates.includes(email)) duplicates.push(email);
      continue;
    }
    seen.add(email);
    emails.push(email);
  }
  return { emails, invalid, duplicates };
}

function listed(values: string[], max = 5): string {
  const shown = values.slice(0, max).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

/** "a@x.com, b@y.com" → ["a@x.com", "b@y.com"], with one clear message for each kind of problem. */
export const emailListSchema = z
  .string({ error: "Enter at least one email address" })
  .max(20_000, `Paste at most ${MAX_INVITES_PER_REQUEST} email addresses`)
  .transform((raw, ctx) => {
    const { emails, invalid, duplicates } = parseEmailList(raw);
    if (invalid.length) {
      ctx.addIssue({
        code: "custom",
        message: `${invalid.length === 1 ? "This is not a valid email address" : "These are not valid email addresses"}: ${listed(invalid)}`,
      });
    }
    if (duplicates.length) {
      ctx.addIssue({ code: "custom", message: `Listed more than once: ${listed(duplicates)}` });
    }
    const count = emails.length + duplicates.length;
    if (count > MAX_INVITES_PER_REQUEST) {
      ctx.addIssue({
        code: "custom",
        message: `You can invite at most ${MAX_INVITES_PER_REQUEST} people at once (you entered ${count}).`,
      });
    }
    if (!emails.length && !invalid.length) {
      ctx.addIssue({ code: "custom", message: "Enter at least one email address" });
    }
    return emails;
  });

const roleIdSchema = z
  .string({ error: "Choose a role" })
  .trim()
  .min(1, "Choose a role")
  .max(64, "Unknown role")
  .regex(/^[A-Za-z0-9_-]+$/, "Unknown role");

export const inviteMembersSchema = z.object({
  emails: emailListSchema,
  roleId: roleIdSchema,
});
export type InviteMembersInput = z.input<typeof inviteMembersSchema>;

export const inviteIdSchema = z.object({ inviteId: idSchema });
export const memberIdSchema = z.object({ memberId: idSchema });
export const changeMemberRoleSchema = z.object({ memberId: idSchema, roleId: roleIdSchema });

export const permissionSchema = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]], {
  // Only a string is quoted back: String() of a deeply nested array (what an action's body can
  // decode to) overflows the stack.
  error: (issue) =>
    typeof issue.input === "string" ? `Unknown permission: ${issue.input.slice(0, 60)}` : "Unknown permission: not a permission name",
});

export const roleInputSchema = z.object({
  name: cleanText(
    z
      .string({ error: "Enter a role name" })
      .trim()
      .min(1, "Enter a role name")
      .max(ROLE_NAME_MAX_LENGTH, `A role name is at most ${ROLE_NAME_MAX_LENGTH} characters`),
    "The role name",
  ),
  description: cleanText(z.string().trim().max(200, "Keep the description under 200 characters"), "The description").default(""),
  permissions: z
    .array(permissionSchema)
    .max(ALL_PERMISSIONS.length * 2)
    .transform((list) => ALL_PERMISSIONS.filter((p) => list.includes(p))),
});
export type RoleInput = z.input<typeof roleInputSchema>;

export const createRoleSchema = roleInputSchema;
export const updateRoleSchema = roleInputSchema.extend({ roleId: idSchema });
export const deleteRoleSchema = z.object({
  roleId: idSchema,
  /** Where the role's members (and pending invites) go; required when it has any. */
  reassignToRoleId: idSchema.optional(),
});

const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

/** An invite token as mailed: 256 random bits, base64url (43 characters). */
export const inviteTokenSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{43}$/,
    "This invitation link is not valid. Check that you copied the whole link from the email.",
  );

export const acceptNewAccountSchema = z
  .object({
    mode: z.literal("new"),
    token: inviteTokenSchema,
    name: cleanText(
      z
        .string({ error: "Enter your name" })
        .trim()
        .min(1, "Enter your name")
        .max(100, "Use at most 100 characters"),
      "Your name",
    ),
    password: passwordSchema,
    confirmPassword: z.string({ error: "Confirm your password" }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export const acceptExistingAccountSchema = z.object({
  mode: z.literal("existing"),
  token: inviteTokenSchema,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

export const acceptInviteSchema = z.discriminatedUnion("mode", [acceptNewAccountSchema, acceptExistingAccountSchema]);
export type AcceptInviteInput = z.input<typeof acceptInviteSchema>;
