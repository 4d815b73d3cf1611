import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { customers } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { toCustomerDto } from "./create-customer";
import { CUSTOMER_NOT_FOUND, CUSTOMER_REACTIVATED_MESSAGE, CUSTOMER_SUSPENDED_MESSAGE, type CustomerDto } from "./schemas";

const inMarket = (scope: Scope, customerId: string) =>
  and(inScope(customers, scope), eq(customers.countryCode, scope.market.country), eq(customers.id, customerId));

/**
 * "Suspend" (§1.4: a suspended customer is refused until the date): status suspended until a
 * future moment. Suspending a suspended customer moves the date.
 */
export async function suspendCustomer(
  db: Db,
  scope: Scope,
  input: { customerId: string; until: string | Date },
  meta?: Partial<RequestMeta>,
): Promise<{ customer: CustomerDto; message: string }> {
  const until = input.until instanceof Date ? input.until : new Date(input.until);
  if (Number.isNaN(until.getTime())) throw new ValidationError("Enter a date and time", { until: ["Enter a date and time"] });
  if (until.getTime() <= Date.now()) throw new ValidationError("Choose a moment in the future", { until: ["Choose a moment in the future"] });
  const row = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: customers.id, customerKey: customers.customerKey, status: customers.status, suspendedUntil: customers.suspendedUntil })
      .from(customers)
      .where(inMarket(scope, input.customerId))
      .for("update")
      .limit(1);
    if (!before) throw new NotFoundError(CUSTOMER_NOT_FOUND);
    const [after] = await tx
      .update(customers)
      .set({ status: "suspended", suspendedUntil: until, updatedAt: sql`now()` })
      .where(inMarket(scope, input.customerId))
      .returning();
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "customer.suspended",
      targetType: "customer",
      targetId: before.id,
      metadata: {
        customerKey: before.customerKey,
        until: until.toISOString(),
        ...(before.status === "suspended" && before.suspendedUntil ? { previousUntil: before.suspendedUntil.toISOString() } : {}),
      },
    });
    return after!;
  });
  return { customer: toCustomerDto(row), message: CUSTOMER_SUSPENDED_MESSAGE };
}

/** "Reactivate": a suspended customer is active again at once. */
export async function reactivateCustomer(
  db: Db,
  scope: Scope,
  input: { customerId: string },
  meta?: Partial<RequestMeta>,
): Promise<{ customer: CustomerDto; message: string }> {
  const row = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: customers.id, customerKey: customers.customerKey, status: customers.status, suspendedUntil: customers.suspendedUntil })
      .from(customers)
      .where(inMarket(scope, input.customerId))
      .for("update")
      .limit(1);
    if (!before) throw new NotFoundError(CUSTOMER_NOT_FOUND);
    if (before.status !== "suspended") throw new ConflictError("This customer is not suspended.");
    const [after] = await tx
      .update(customers)
      .set({ status: "active", suspendedUntil: null, updatedAt: sql`now()` })
      .where(inMarket(scope, input.customerId))
      .returning();
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "customer.reactivated",
      targetType: "customer",
      targetId: before.id,
      metadata: { customerKey: before.customerKey, ...(before.suspendedUntil ? { wasSuspendedUntil: before.suspendedUntil.toISOString() } : {}) },
    });
    return after!;
  });
  return { customer: toCustomerDto(row), message: CUSTOMER_REACTIVATED_MESSAGE };
}
