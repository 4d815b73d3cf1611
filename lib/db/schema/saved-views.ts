import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { environmentEnum } from "./enums";
import { integrators } from "./integrators";
import { users } from "./users";
import { newId } from "./ids";

/**
 * A list's saved view (lib/saved-views/): a name for a set of the list's URL keys (filters, sort,
 * page size, hidden columns), the creator's own or shared with the team. `list` is a list id of
 * lib/saved-views/lists.ts; `params` its URL keys as a query string, checked on save.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    list: text("list").notNull(),
    name: text("name").notNull(),
    params: text("params").notNull(),
    visibility: text("visibility").$type<"private" | "shared">().notNull().default("private"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A name is unique among one member's private views of a list, and among the team's shared ones.
    uniqueIndex("saved_views_private_name_key")
      .on(t.integratorId, t.environment, t.list, t.createdBy, sql`lower(${t.name})`)
      .where(sql`visibility = 'private'`),
    uniqueIndex("saved_views_shared_name_key")
      .on(t.integratorId, t.environment, t.list, sql`lower(${t.name})`)
      .where(sql`visibility = 'shared'`),
    index("saved_views_list_idx").on(t.integratorId, t.environment, t.list),
  ],
);

/** Each member's default view of a list (their own or a shared one): at most one per list. */
export const savedViewDefaults = pgTable(
  "saved_view_defaults",
  {
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    list: text("list").notNull(),
    viewId: text("view_id")
      .notNull()
      .references(() => savedViews.id, { onDelete: "cascade" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "saved_view_defaults_pk", columns: [t.integratorId, t.environment, t.userId, t.list] }),
    index("saved_view_defaults_view_idx").on(t.viewId),
  ],
);
