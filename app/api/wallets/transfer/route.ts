import { gatedRoute } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/auth/errors";
import { IDEMPOTENCY_KEY_MESSAGE, IDEMPOTENCY_KEY_RE } from "@/lib/ledger/idempotency-key";
import { transferApiSchema } from "@/lib/wallets/schemas";
import { transferDepositBalanceAsRequested } from "@/lib/wallets/transfer-deposit-balance";

/**
 * POST /api/wallets/transfer — Kotani's `POST /wallet/transfer/deposit-balance` for this dashboard:
 * `{ walletId, amount: "1500.00" }` (a decimal string in the wallet's currency) or
 * `{ walletId, entire: true }` (the entire deposit balance), and an idempotency key in the
 * `Idempotency-Key` header or `idempotencyKey`. The body is strict (transferApiSchema): an unknown
 * key, a JSON number as the amount, neither or both of amount and entire are a 400 and nothing moves.
 * A repeat with the same key returns the first answer; the same key with another amount is 409.
 * The same service entry as the Transfer modal's server action.
 */
export const POST = gatedRoute("wallets.transfer", transferApiSchema, async ({ db, scope, input, req, meta }) => {
  const key = (req.headers.get("idempotency-key") ?? input.idempotencyKey ?? "").trim();
  if (!key) {
    throw new ValidationError("An idempotency key is required (Idempotency-Key header or idempotencyKey)", {
      idempotencyKey: ["An idempotency key is required"],
    });
  }
  if (!IDEMPOTENCY_KEY_RE.test(key)) throw new ValidationError(IDEMPOTENCY_KEY_MESSAGE);
  const result = await transferDepositBalanceAsRequested(
    db,
    scope,
    { walletId: input.walletId, amount: input.entire === true ? undefined : input.amount, idempotencyKey: key },
    meta,
  );
  return { success: true, message: result.message, data: result };
});
