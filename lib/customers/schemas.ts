/**
 * The customer forms' and actions' schemas, one per mutation (Add Customer, Edit, Verify name,
 * Suspend, Reactivate). Pure: the dialogs validate with zodResolver, the actions parse with the
 * same object. The country is never in the form: it is the selected market's (the scope), so the
 * service checks the phone, network and bank against it.
 */
import { z } from "zod";
import { plainText } from "@/lib/engine/schemas";
import { ID_TYPES, latestToday } from "./customer-fields";

// The forms' constants live in a zod-free module (the dialogs import it); re-exported for the server.
export { ID_TYPES, ID_TYPE_LABEL, latestToday, type IdType } from "./customer-fields";

export const CUSTOMER_CREATED_MESSAGE = "Customer has been successfully created.";
export const CUSTOMER_UPDATED_MESSAGE = "Bio Data has been successfully updated.";
export const CUSTOMER_SUSPENDED_MESSAGE = "Customer has been suspended.";
export const CUSTOMER_REACTIVATED_MESSAGE = "Customer has been reactivated.";
export const CUSTOMER_NOT_FOUND = "Customer not found.";

export const customerIdSchema = z
  .string({ error: "Choose a customer" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown customer");

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Account numbers as Send Money takes them. */
const ACCOUNT_NUMBER = /^[0-9A-Za-z-]{5,34}$/;

/** "YYYY-MM-DD" of a real calendar day, or null. */
function calendarDay(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? text : null;
}

/** Optional YYYY-MM-DD, a real day, from 1900-01-01 to today. */
export const dateOfBirthSchema = plainText(10, "The date of birth").superRefine((v, ctx) => {
  if (!v) return;
  const day = calendarDay(v);
  if (!day) ctx.addIssue({ code: "custom", message: "Enter the date of birth as YYYY-MM-DD" });
  else if (day < "1900-01-01") ctx.addIssue({ code: "custom", message: "The date of birth cannot be before 1900" });
  else if (day > latestToday()) ctx.addIssue({ code: "custom", message: "The date of birth cannot be in the future" });
});

/** The fields of a customer the Add and Edit forms send. Empty strings mean "none". */
const customerFields = {
  /** As typed: 0712…, +254 712…; the service checks it for the market's country. */
  phoneNumber: z
    .string({ error: "Enter a phone number" })
    .pipe(plainText(32, "The phone number"))
    .refine((v) => v.length > 0, "Enter a phone number"),
  /** Empty: detected from the number (NOT_SUPPORTED when it cannot be). */
  network: plainText(20, "The network").optional(),
  firstName: plainText(60, "The first name").optional(),
  lastName: plainText(60, "The last name").optional(),
  email: plainText(254, "The email")
    .refine((v) => v === "" || EMAIL.test(v), "Enter a valid email address, like name@example.com")
    .optional(),
  idType: z.enum([...ID_TYPES, ""], { error: "Choose National ID or ECOWAS ID" }).optional(),
  idNumber: plainText(40, "The ID number").optional(),
  dateOfBirth: dateOfBirthSchema.optional(),
  /** Bank payee (only in markets with banks; the service checks the country). */
  accountName: plainText(100, "The account name").optional(),
  accountNumber: plainText(34, "The account number").optional(),
  bankCode: plainText(20, "The bank code").optional(),
};

type Fields = { [K in keyof typeof customerFields]: z.infer<(typeof customerFields)[K]> };

function checkTogether(v: Partial<Fields>, ctx: z.RefinementCtx) {
  if (v.idNumber && !v.idType) ctx.addIssue({ code: "custom", path: ["idType"], message: "Choose the ID type" });
  if (v.idType && !v.idNumber) ctx.addIssue({ code: "custom", path: ["idNumber"], message: "Enter the ID number" });
  if (v.accountName || v.accountNumber || v.bankCode) {
    if (!v.bankCode) ctx.addIssue({ code: "custom", path: ["bankCode"], message: "Choose the bank" });
    if (!v.accountNumber) ctx.addIssue({ code: "custom", path: ["accountNumber"], message: "Enter the account number" });
    if (!v.accountName) ctx.addIssue({ code: "custom", path: ["accountName"], message: "Enter the account holder's name" });
  }
  if (v.accountNumber && !ACCOUNT_NUMBER.test(v.accountNumber)) {
    ctx.addIssue({ code: "custom", path: ["accountNumber"], message: "Enter the account number: 5 to 34 letters or digits" });
  }
}

/** "Add Customer". */
export const createCustomerSchema = z.object(customerFields).superRefine(checkTogether);
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;
export type CreateCustomerData = z.output<typeof createCustomerSchema>;

/** "Edit": the whole bio as the form shows it (an empty field clears it). */
export const updateCustomerSchema = z.object({ customerId: customerIdSchema, ...customerFields }).superRefine(checkTogether);
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>;
export type UpdateCustomerData = z.output<typeof updateCustomerSchema>;

/**
 * "Verify name" (§3.5 account validation, mobile money): a stored customer (their number and
 * network; the result is stored on them) or a typed number, not both; the name expected, optional.
 */
export const verifyAccountNameSchema = z
  .object({
    customerId: customerIdSchema.optional(),
    phoneNumber: plainText(32, "The phone number").optional(),
    network: plainText(20, "The network").optional(),
    accountName: plainText(120, "The name").optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.customerId && !v.phoneNumber) ctx.addIssue({ code: "custom", path: ["phoneNumber"], message: "Enter a phone number" });
    if (v.customerId && v.phoneNumber) {
      ctx.addIssue({ code: "custom", path: ["phoneNumber"], message: "Verify a customer or a phone number, not both" });
    }
  });
export type VerifyAccountNameInput = z.input<typeof verifyAccountNameSchema>;

/** A date-time with or without an offset ("2030-01-31T18:00", "2030-01-31T15:00:00.000Z"). */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * "Suspend": until a future moment. The form holds the datetime-local value (the browser's time)
 * and sends it as ISO with its offset, so the server never guesses a zone.
 */
export const suspendCustomerSchema = z.object({
  customerId: customerIdSchema,
  until: z
    .string({ error: "Choose until when" })
    .trim()
    .min(1, "Choose until when")
    .max(40, "Choose until when")
    .superRefine((v, ctx) => {
      if (!v) return;
      const at = DATE_TIME.test(v) ? new Date(v) : null;
      if (!at || Number.isNaN(at.getTime())) ctx.addIssue({ code: "custom", message: "Enter a date and time" });
      else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", message: "Choose a moment in the future" });
      else if (at.getUTCFullYear() > 2100) ctx.addIssue({ code: "custom", message: "Choose a date before 2100" });
    }),
});
export type SuspendCustomerInput = z.input<typeof suspendCustomerSchema>;

/** "Reactivate". */
export const reactivateCustomerSchema = z.object({ customerId: customerIdSchema });
export type ReactivateCustomerInput = z.input<typeof reactivateCustomerSchema>;

/** A customer as the services return it and the dialogs edit it (dates as ISO strings). */
export interface CustomerDto {
  id: string;
  customerKey: string;
  phoneNumber: string | null;
  countryCode: string;
  network: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  idType: string | null;
  idNumber: string | null;
  dateOfBirth: string | null;
  accountName: string | null;
  accountNumber: string | null;
  bankCode: string | null;
  status: string;
  suspendedUntil: string | null;
  nameLookupStatus: string | null;
  verifiedName: string | null;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the Edit dialog needs of a customer (the detail page's profile has it). */
export type EditableCustomer = Pick<
  CustomerDto,
  | "id"
  | "customerKey"
  | "phoneNumber"
  | "countryCode"
  | "network"
  | "firstName"
  | "lastName"
  | "email"
  | "idType"
  | "idNumber"
  | "dateOfBirth"
  | "accountName"
  | "accountNumber"
  | "bankCode"
>;

/** What Suspend and Reactivate need of a customer. */
export type SuspendableCustomer = Pick<CustomerDto, "id" | "customerKey" | "countryCode" | "firstName" | "lastName" | "status" | "suspendedUntil">;
