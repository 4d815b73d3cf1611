import { gatedRoute } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/auth/errors";
import { transferApiSchema, IDEMPOTENCY_KEY_RE } from "@/lib/wallets/schemas";
import { getWallet } from "@/lib/wallets/list-wallets";
import { parseAmount } from "@/lib/money";
import { transferDepositBalance } from "@/lib/wallets/transfer-deposit-balance";

/**
 * POST /api/wallets/transfer — Kotani's `POST /wallet/transfer/deposit-balance` for this dashboard:
 * `{ walletId, amount? }` (decimal string in the wallet's currency; left out = the entire deposit
 * balance) and an idempotency key in the `Idempotency-Key` header or `idempotencyKey`.
 * A repeat with the same key returns the first answer; the same key with another amount is 409.
 */
export const POST = gatedRoute("wallets.transfer", transferApiSchema, async ({ db, scope, input, req, meta }) => {
  const key = (req.headers.get("idempotency-key") ?? input.idempotencyKey ?? "").trim();
  if (!key) {
    throw new ValidationError("An idempotency key is required (Idempotency-Key header or idempotencyKey)", {
      idempotencyKey: ["An idempotency key is required"],
    });
  }
  if (!IDEMPOTENCY_KEY_RE.test(key)) throw new ValidationError("The idempotency key must be 8–128 letters, digits, '.', '_', ':' or '-'");
  let amount: bigint | undefined;
  if (input.amount !== undefined) {
    const wallet = await getWallet(db, scope, input.walletId);
    const parsed = parseAmount(input.amount, wallet.currency);
    if (!parsed.ok) throw new ValidationError(parsed.error, { amount: [parsed.error] });
    amount = parsed.minor;
  }
  const result = await transferDepositBalance(db, scope, { walletId: input.walletId, amount, idempotencyKey: key }, meta);
  return { success: true, message: result.message, data: result };
});
