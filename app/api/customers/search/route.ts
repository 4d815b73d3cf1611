import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { searchCustomers } from "@/lib/customers/search-customers";
import { plainText } from "@/lib/engine/schemas";

/** The New Collection / Send Money customer picker: up to 10 matches by phone, name or customer key. */
export const GET = gatedRoute("customers.read", z.object({ q: plainText(64, "The search").default("") }), async ({ db, scope, input }) =>
  searchCustomers(db, scope, input),
);
