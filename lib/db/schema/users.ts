import { sql } from "drizzle-orm";
import {
  bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";
import { environmentEnum, memberStatusEnum } from "./enums";
import { integrators } from "./integrators";
import { newId } from "./ids";

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    /** Stored lower-cased; unique across the platform. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id; null until the user sets a first password (invite / new integrator). */
    passwordHash: text("password_hash"),
    /** Bumped by logout, password change/reset, role change, disable: every JWT carrying an older one is dead. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** Encrypted TOTP secret (AES-GCM); null when two-factor is off. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted: a code is usable once (ASVS 6.5.1). */
    totpLastStep: integer("totp_last_step"),
    /** Environment chosen on the first-sign-in gate; null = show the gate. */
    preferredEnvironment: environmentEnum("preferred_environment"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const roles = pgTable(
  "roles",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** `area.action` strings, see lib/auth/permissions.ts. */
    permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
    isBuiltin: boolean("is_builtin").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("roles_integrator_name_key").on(t.integratorId, sql`lower(${t.name})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: text("role_id")
      .notNull()
      .references(() => roles.id),
    status: memberStatusEnum("status").notNull().default("active"),
    invitedBy: text("invited_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_integrator_user_key").on(t.integratorId, t.userId),
    index("memberships_user_idx").on(t.userId),
    index("memberships_role_idx").on(t.roleId),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    roleId: text("role_id")
      .notNull()
      .references(() => roles.id),
    /** SHA-256 of the 256-bit token in the mailed link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invites_integrator_email_idx").on(t.integratorId, sql`lower(${t.email})`)],
);

/** Password-reset / first-password codes: hashed, single use, 10 minutes, 5 tries. */
export const otpCodes = pgTable(
  "otp_codes",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull().default("password_reset"),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("otp_codes_user_idx").on(t.userId, t.createdAt)],
);

/** Every sign-in / OTP attempt, counted in the database so throttling holds across app instances. */
export const authAttempts = pgTable(
  "auth_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(), // "password" | "otp" | "totp"
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("auth_attempts_email_idx").on(t.kind, t.email, t.createdAt),
    index("auth_attempts_ip_idx").on(t.kind, t.ip, t.createdAt),
  ],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Append-only: the app never updates or deletes a row. */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    integratorId: text("integrator_id").references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment"),
    actorUserId: text("actor_user_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: text("outcome").notNull().default("success"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_logs_integrator_idx").on(t.integratorId, t.createdAt, t.id),
    index("audit_logs_actor_idx").on(t.integratorId, t.actorUserId, t.createdAt),
    index("audit_logs_action_idx").on(t.integratorId, t.action, t.createdAt),
  ],
);
