"use server";

import { gatedAction } from "@/lib/auth/guard";
import { createCustomer } from "./create-customer";
import { reactivateCustomerSchema, createCustomerSchema, suspendCustomerSchema, updateCustomerSchema, verifyAccountNameSchema } from "./schemas";
import { reactivateCustomer, suspendCustomer } from "./suspend-customer";
import { updateCustomer } from "./update-customer";
import { verifyAccountName } from "./verify-account-name";

/** "Add Customer". A number another customer has is refused; fieldErrors.existingCustomerId names them. */
export const createCustomerAction = gatedAction("customers.create", "customers.manage", createCustomerSchema, async ({ db, scope, input, meta }) =>
  createCustomer(db, scope, input, meta),
);

/** "Edit" (the bio, the number, the bank payee). */
export const updateCustomerAction = gatedAction("customers.update", "customers.manage", updateCustomerSchema, async ({ db, scope, input, meta }) =>
  updateCustomer(db, scope, input, meta),
);

/** "Suspend" until a future moment. */
export const suspendCustomerAction = gatedAction("customers.suspend", "customers.manage", suspendCustomerSchema, async ({ db, scope, input, meta }) =>
  suspendCustomer(db, scope, input, meta),
);

/** "Reactivate" a suspended customer. */
export const reactivateCustomerAction = gatedAction(
  "customers.reactivate",
  "customers.manage",
  reactivateCustomerSchema,
  async ({ db, scope, input, meta }) => reactivateCustomer(db, scope, input, meta),
);

/**
 * "Verify name". customers.manage, not customers.read: given a customer it stores the result on
 * them (an audited change), and a lookup discloses the registered name of any number typed.
 */
export const verifyAccountNameAction = gatedAction(
  "customers.verify_name",
  "customers.manage",
  verifyAccountNameSchema,
  async ({ db, scope, input, meta }) => verifyAccountName(db, scope, input, meta),
);
