"use server";

import { gatedAction } from "@/lib/auth/guard";
import { createWalletSchema, transferFormSchema, updateWalletSchema } from "./schemas";
import { transferDepositBalanceAsRequested } from "./transfer-deposit-balance";
import { createWallet, updateWallet } from "./manage-wallet";

/**
 * Transfer Deposit Balance (the modal). The amount arrives as typed and is parsed against the
 * wallet's own currency; the idempotency key was made when the modal opened.
 */
export const transferDepositBalanceAction = gatedAction(
  "wallets.transfer",
  "wallets.transfer",
  transferFormSchema,
  async ({ db, scope, input, meta }) =>
    transferDepositBalanceAsRequested(
      db,
      scope,
      { walletId: input.walletId, amount: input.mode === "specific" ? (input.amount ?? "") : undefined, idempotencyKey: input.idempotencyKey },
      meta,
    ),
);

/** "+ Add Wallet". */
export const createWalletAction = gatedAction("wallets.create", "wallets.manage", createWalletSchema, async ({ db, scope, input, meta }) =>
  createWallet(db, scope, input, meta),
);

/** Edit Wallet: name and lock. */
export const updateWalletAction = gatedAction("wallets.update", "wallets.manage", updateWalletSchema, async ({ db, scope, input, meta }) =>
  updateWallet(db, scope, input, meta),
);
