import { confirmBulkSchema } from "@/lib/bulk-payments/schemas";

// Loaded on first use (zodResolverOnDemand in new-bulk-payment.tsx): zod and the action's schema
// are not part of the page's first load. The same rules as the action: the schema it parses, picked.
export const bulkDetailsSchema = confirmBulkSchema.pick({ name: true, description: true });
