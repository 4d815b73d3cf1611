import { boolean, index, pgTable, primaryKey, text, timestamp, char } from "drizzle-orm/pg-core";
import { environmentEnum, productionStatusEnum } from "./enums";
import { newId } from "./ids";

export const integrators = pgTable("integrators", {
  id: text("id").primaryKey().$defaultFn(newId),
  organization: text("organization").notNull(),
  productName: text("product_name"),
  email: text("email").notNull(),
  phone: text("phone"),
  countryCode: char("country_code", { length: 2 }).notNull(),
  /** IANA zone every timestamp is shown in (the sidebar widget switches to UTC). */
  timezone: text("timezone").notNull().default("Africa/Nairobi"),
  productionStatus: productionStatusEnum("production_status").notNull().default("not_started"),
  /** Owner-enforced two-factor for the whole team. */
  requireTwoFactor: boolean("require_two_factor").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The country/currency pairs an integrator may use, per environment. */
export const integratorMarkets = pgTable(
  "integrator_markets",
  {
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    country: char("country", { length: 2 }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.integratorId, t.environment, t.country, t.currency] }),
    index("integrator_markets_env_idx").on(t.integratorId, t.environment),
  ],
);
