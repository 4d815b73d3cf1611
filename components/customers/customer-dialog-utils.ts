import { customerName } from "@/lib/customers/format";
import type { SuspendableCustomer } from "@/lib/customers/schemas";
import { COUNTRIES } from "@/lib/markets";

/** Small pieces the customer dialogs (customer-form-dialog.tsx) and their forms (customer-forms.tsx) share. */
export function countryName(code: string): string {
  return COUNTRIES[code]?.name ?? code;
}

/** Mutations apply to customers of the selected market's country only (the services' rule). */
export function outOfMarketHint(customerCountry: string, marketCountry: string): string | undefined {
  return customerCountry === marketCountry ? undefined : `Switch to ${countryName(customerCountry)} to change this customer`;
}

export function who(c: Pick<SuspendableCustomer, "firstName" | "lastName" | "customerKey">): string {
  return customerName(c.firstName, c.lastName) ?? `Customer ${c.customerKey}`;
}

