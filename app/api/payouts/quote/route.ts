import { gatedRoute } from "@/lib/auth/guard";
import { payoutQuoteSchema } from "@/lib/engine/schemas";
import { quotePayout } from "@/lib/engine/quote-payout";

/** The Send Money preview: fee, what the recipient gets, total debit and the payout balance after. */
export const GET = gatedRoute("payouts.create", payoutQuoteSchema, async ({ db, scope, input }) => quotePayout(db, scope, input));
