import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, ValidationError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { customers } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import type { Tx } from "@/lib/ledger/ledger";
import { COUNTRIES } from "@/lib/markets";
import { banksOf, findBank } from "@/lib/engine/banks";
import { detectNetwork, networksOf } from "@/lib/engine/networks";
import { randomAlphanumeric } from "@/lib/engine/new-transaction";
import { checkMobileNumber } from "@/lib/engine/phone";
import { customerName } from "./format";
import { CUSTOMER_CREATED_MESSAGE, type CreateCustomerData, type CustomerDto } from "./schemas";

/**
 * A number already held by another customer of the integrator in this environment. The message
 * names that customer; `existingCustomerId` (also in fieldErrors, the one extra an action result
 * carries) lets the form link to it.
 */
export class DuplicateCustomerError extends ConflictError {
  constructor(
    message: string,
    readonly existingCustomerId: string,
  ) {
    super(message, { phoneNumber: [message], existingCustomerId: [existingCustomerId] });
  }
}

type CustomerRow = typeof customers.$inferSelect;

export function toCustomerDto(r: CustomerRow): CustomerDto {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    customerKey: r.customerKey,
    phoneNumber: r.phoneNumber,
    countryCode: r.countryCode,
    network: r.network,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    idType: r.idType,
    idNumber: r.idNumber,
    dateOfBirth: r.dateOfBirth,
    accountName: r.accountName,
    accountNumber: r.accountNumber,
    bankCode: r.bankCode,
    status: r.status,
    suspendedUntil: iso(r.suspendedUntil),
    nameLookupStatus: r.nameLookupStatus,
    verifiedName: r.verifiedName,
    verifiedAt: iso(r.verifiedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The columns Add and Edit write, checked against the market's country. */
export type CustomerValues = Pick<
  CustomerRow,
  "phoneNumber" | "network" | "firstName" | "lastName" | "email" | "idType" | "idNumber" | "dateOfBirth" | "accountName" | "accountNumber" | "bankCode"
> & { phoneNumber: string };

const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * The form's fields as stored: the phone valid (and mobile) in the market's country, in E.164;
 * the network the one chosen (one of the country's) or detected from the number (NOT_SUPPORTED
 * when it cannot be, §3.5); the bank one of the country's banks, only where the country has any.
 */
export function checkCustomerFields(scope: Scope, input: CreateCustomerData): CustomerValues {
  const country = scope.market.country;
  const countryName = COUNTRIES[country]?.name ?? country;
  const phone = checkMobileNumber(input.phoneNumber, country);
  if (!phone.ok) throw new ValidationError(phone.error, { phoneNumber: [phone.error] });

  let network = orNull(input.network);
  if (network) {
    if (!networksOf(country).includes(network)) {
      const msg = `${network} is not a mobile network in ${countryName}`;
      throw new ValidationError(msg, { network: [msg] });
    }
  } else {
    const detected = detectNetwork(phone.e164, country);
    network = networksOf(country).includes(detected) ? detected : "NOT_SUPPORTED";
  }

  const bankCode = orNull(input.bankCode);
  const accountNumber = orNull(input.accountNumber);
  const accountName = orNull(input.accountName);
  if (bankCode || accountNumber || accountName) {
    if (banksOf(country).length === 0) {
      const msg = `Bank payees are not available in ${countryName}`;
      throw new ValidationError(msg, { bankCode: [msg] });
    }
    if (!bankCode || !findBank(country, bankCode)) {
      const msg = `Choose one of the banks of ${countryName}`;
      throw new ValidationError(msg, { bankCode: [msg] });
    }
    if (!accountNumber || !accountName) {
      const msg = "A bank payee needs the bank, the account number and the account name";
      throw new ValidationError(msg, { ...(!accountNumber ? { accountNumber: [msg] } : {}), ...(!accountName ? { accountName: [msg] } : {}) });
    }
  }

  const idType = orNull(input.idType);
  const idNumber = orNull(input.idNumber);
  if (Boolean(idType) !== Boolean(idNumber)) {
    throw new ValidationError("Give both the ID type and the ID number", idType ? { idNumber: ["Enter the ID number"] } : { idType: ["Choose the ID type"] });
  }

  return {
    phoneNumber: phone.e164,
    network,
    firstName: orNull(input.firstName),
    lastName: orNull(input.lastName),
    email: orNull(input.email),
    idType,
    idNumber,
    dateOfBirth: orNull(input.dateOfBirth),
    accountName,
    accountNumber,
    bankCode,
  };
}

/**
 * Serialises every creation or number change of one phone in an integrator's environment, with
 * the very key the money engine uses when it adds a customer for a typed number
 * (resolveMobileRecipient): the engine and these services never create two customers with one phone.
 */
export async function lockCustomerPhone(tx: Tx, scope: Scope, e164: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer:${scope.integratorId}:${scope.environment}:${e164}`}))`);
}

/** Refuses a number another customer of the integrator (in this environment) already has. Call under the lock. */
export async function refuseDuplicatePhone(tx: Tx, scope: Scope, e164: string, exceptId?: string): Promise<void> {
  const [existing] = await tx
    .select({ id: customers.id, customerKey: customers.customerKey, firstName: customers.firstName, lastName: customers.lastName })
    .from(customers)
    .where(and(inScope(customers, scope), eq(customers.phoneNumber, e164), exceptId ? ne(customers.id, exceptId) : undefined))
    .limit(1);
  if (!existing) return;
  const name = customerName(existing.firstName, existing.lastName);
  const who = name ? `${name} (customer key ${existing.customerKey})` : `the customer with key ${existing.customerKey}`;
  throw new DuplicateCustomerError(`This number belongs to ${who}.`, existing.id);
}

/** "Add Customer" (POST /customer/mobile-money): a customer of the selected market's country. */
export async function createCustomer(
  db: Db,
  scope: Scope,
  input: CreateCustomerData,
  meta?: Partial<RequestMeta>,
): Promise<{ customer: CustomerDto; message: string }> {
  const values = checkCustomerFields(scope, input);
  const row = await db.transaction(async (tx) => {
    await lockCustomerPhone(tx, scope, values.phoneNumber);
    await refuseDuplicatePhone(tx, scope, values.phoneNumber);
    const [created] = await tx
      .insert(customers)
      .values({
        integratorId: scope.integratorId,
        environment: scope.environment,
        customerKey: randomAlphanumeric(20),
        countryCode: scope.market.country,
        ...values,
      })
      .returning();
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "customer.created",
      targetType: "customer",
      targetId: created!.id,
      metadata: { customerKey: created!.customerKey, country: created!.countryCode, network: created!.network },
    });
    return created!;
  });
  return { customer: toCustomerDto(row), message: CUSTOMER_CREATED_MESSAGE };
}
