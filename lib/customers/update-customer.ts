import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { customers } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { checkCustomerFields, lockCustomerPhone, refuseDuplicatePhone, toCustomerDto, type CustomerValues } from "./create-customer";
import { CUSTOMER_NOT_FOUND, CUSTOMER_UPDATED_MESSAGE, type CustomerDto, type UpdateCustomerData } from "./schemas";

/**
 * "Edit" (PATCH /customer/mobile-money/{customer_key}): the bio as the form shows it, checked as
 * on creation; an empty field clears it. A new number must not be another customer's. Only a
 * customer of the selected environment and market's country; another integrator's is not found.
 */
export async function updateCustomer(
  db: Db,
  scope: Scope,
  input: UpdateCustomerData,
  meta?: Partial<RequestMeta>,
): Promise<{ customer: CustomerDto; message: string }> {
  const values = checkCustomerFields(scope, input);
  const row = await db.transaction(async (tx) => {
    // The number's lock first (as the engine takes it), then the row.
    await lockCustomerPhone(tx, scope, values.phoneNumber);
    const where = and(inScope(customers, scope), eq(customers.countryCode, scope.market.country), eq(customers.id, input.customerId));
    const [before] = await tx.select().from(customers).where(where).for("update").limit(1);
    if (!before) throw new NotFoundError(CUSTOMER_NOT_FOUND);
    if (before.phoneNumber !== values.phoneNumber) await refuseDuplicatePhone(tx, scope, values.phoneNumber, before.id);

    const changed = (Object.keys(values) as (keyof CustomerValues)[]).filter((k) => before[k] !== values[k]);
    if (changed.length === 0) return before;
    const [after] = await tx
      .update(customers)
      .set({
        ...values,
        // A new number has not been verified: its stored lookup was for the old one.
        ...(changed.includes("phoneNumber") ? { nameLookupStatus: null, verifiedName: null, verifiedAt: null } : {}),
        updatedAt: sql`now()`,
      })
      .where(where)
      .returning();
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "customer.updated",
      targetType: "customer",
      targetId: before.id,
      // Field names only: the values are personal data.
      metadata: { customerKey: before.customerKey, changed },
    });
    return after!;
  });
  return { customer: toCustomerDto(row), message: CUSTOMER_UPDATED_MESSAGE };
}
