import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { auditLogs } from "@/lib/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { getWalletsOverview, getWallet } from "./list-wallets";
import { createWallet, updateWallet } from "./manage-wallet";
import { getBalanceHistory, getBalanceHistoryForExport } from "./balance-history";
import { listCryptoWallets } from "./crypto-wallets";
import { transferDepositBalance } from "./transfer-deposit-balance";
import { formatTokenAmount } from "./format";
import { createIntegrator, createTestWallet, creditDeposit, debitPayout, makeScope } from "./test-fixtures";
import { cryptoBalances, cryptoWallets } from "@/lib/db/schema";

const KE = { country: "KE", currency: "KES" };
const UG = { country: "UG", currency: "UGX" };
const CI = { country: "CI", currency: "XOF" };
const SN = { country: "SN", currency: "XOF" };

describe.each(testEngines())("wallet services on %s", (engine) => {
  const t = withTestDb(engine);

  it("overview: every wallet of the environment, the market's wallet selected, summary of that market", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG, CI, SN] });
    const scope = makeScope(integrator.id, { market: CI, markets: [KE, UG, CI, SN] });
    const kes = await createTestWallet(t.db, scope, { currency: "KES", country: "KE", deposit: 1_000n, payout: 2_000n });
    await createTestWallet(t.db, scope, { currency: "UGX", country: "UG", deposit: 5n, status: "suspended" });
    const ci = await createTestWallet(t.db, scope, { currency: "XOF", country: "CI", deposit: 300n, payout: 700n, name: "My XOF Wallet (CI)" });
    await createTestWallet(t.db, scope, { currency: "XOF", country: "SN", deposit: 11n, payout: 0n, name: "My XOF Wallet (SN)" });
    // Another environment and another integrator are invisible.
    await createTestWallet(t.db, { ...scope, environment: "production" }, { currency: "XOF", country: "CI", deposit: 999n });
    const other = await createIntegrator(t.db, { markets: [CI] });
    await createTestWallet(t.db, makeScope(other.id, { market: CI }), { currency: "XOF", country: "CI", deposit: 999n });

    const o = await getWalletsOverview(t.db, scope);
    expect(o.wallets).toHaveLength(4);
    expect(o.selectedWalletId).toBe(ci);
    expect(o.summary).toEqual({
      currency: "XOF",
      availableBalance: "700",
      depositBalance: "300",
      activeWallets: 3,
      currencies: ["KES", "XOF"],
    });
    const kesRow = o.wallets.find((w) => w.id === kes)!;
    expect(kesRow).toMatchObject({ depositBalance: "1000", payoutBalance: "2000", transactionCount: 1, currency: "KES" });

    const ke = await getWalletsOverview(t.db, { ...scope, market: KE });
    expect(ke.selectedWalletId).toBe(kes);
    expect(BigInt(ke.summary.depositBalance) + BigInt(ke.summary.availableBalance)).toBe(3000n);
  });

  it("create wallet: one of the integrator's markets only, one per market, audited", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = makeScope(integrator.id, { markets: [KE, UG] });
    const w = await createWallet(t.db, scope, { name: "  Main KES  ", market: "KE-KES" }, { ip: "198.51.100.1" });
    expect(w).toMatchObject({ name: "Main KES", currency: "KES", country: "KE", status: "active", depositBalance: "0", payoutBalance: "0", isPrimary: true });
    await expect(createWallet(t.db, scope, { name: "Again", market: "KE-KES" })).rejects.toThrow(ConflictError);
    await expect(createWallet(t.db, scope, { name: "Naira", market: "NG-NGN" })).rejects.toThrow(ValidationError);
    await expect(createWallet(t.db, scope, { name: "Bad", market: "garbage" })).rejects.toThrow(ValidationError);
    // Concurrent creations of the same market: exactly one wins.
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => createWallet(t.db, scope, { name: `UGX ${i}`, market: "UG-UGX" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const audits = await t.db.select().from(auditLogs).where(and(eq(auditLogs.integratorId, integrator.id), eq(auditLogs.action, "wallet.create")));
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ ip: "198.51.100.1", targetType: "fiat_wallet" });
  });

  it("edit wallet: rename and lock; a locked wallet refuses transfers; another integrator's wallet is not found", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    const id = await createTestWallet(t.db, scope, { deposit: 5_000n });
    const locked = await updateWallet(t.db, scope, { walletId: id, name: "Renamed", locked: true });
    expect(locked).toMatchObject({ name: "Renamed", locked: true });
    await expect(transferDepositBalance(t.db, scope, { walletId: id, amount: 100n, idempotencyKey: randomUUID() })).rejects.toThrow(
      "This wallet is locked: unlock it in Edit Wallet before transferring.",
    );
    await updateWallet(t.db, scope, { walletId: id, name: "Renamed", locked: false });
    await expect(transferDepositBalance(t.db, scope, { walletId: id, amount: 100n, idempotencyKey: randomUUID() })).resolves.toMatchObject({
      amount: "100",
    });
    const audits = await t.db.select({ action: auditLogs.action }).from(auditLogs).where(eq(auditLogs.targetId, id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["wallet.lock", "wallet.unlock", "wallet.transfer_deposit"]));

    const other = makeScope((await createIntegrator(t.db)).id);
    await expect(updateWallet(t.db, other, { walletId: id, name: "Hijack", locked: true })).rejects.toThrow(NotFoundError);
    await expect(getWallet(t.db, other, id)).rejects.toThrow(NotFoundError);
    expect((await getWallet(t.db, scope, id)).name).toBe("Renamed");
  });

  it("balance history: one row per ledger transaction with deltas and balances after, newest first, paginated", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    const id = await createTestWallet(t.db, scope, { deposit: 10_000n, payout: 500n });
    await creditDeposit(t.db, scope, id, 2_500n);
    await transferDepositBalance(t.db, scope, { walletId: id, amount: 4_000n, idempotencyKey: randomUUID() });
    await debitPayout(t.db, scope, id, 1_000n);
    await transferDepositBalance(t.db, scope, { walletId: id, idempotencyKey: randomUUID() });

    const page1 = await getBalanceHistory(t.db, scope, id, { page: 1, pageSize: 3 });
    expect(page1.total).toBe(5);
    expect(page1.rows.map((r) => [r.kind, r.depositDelta, r.payoutDelta, r.depositBalanceAfter, r.payoutBalanceAfter])).toEqual([
      ["transfer", "-8500", "8500", "0", "12000"],
      ["payout", "0", "-1000", "8500", "3500"],
      ["transfer", "-4000", "4000", "8500", "4500"],
    ]);
    const page2 = await getBalanceHistory(t.db, scope, id, { page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.kind)).toEqual(["collection", "opening_balance"]);
    expect(page2.rows[1]).toMatchObject({ depositDelta: "10000", payoutDelta: "500", payoutBalanceAfter: "500" });
    const beyond = await getBalanceHistory(t.db, scope, id, { page: 9, pageSize: 3 });
    expect(beyond).toMatchObject({ rows: [], total: 5 });
    const transfers = await getBalanceHistory(t.db, scope, id, { page: 1, pageSize: 10, kind: "transfer" });
    expect(transfers.total).toBe(2);
    const exported = await getBalanceHistoryForExport(t.db, scope, id, {});
    expect(exported.rows).toHaveLength(5);
    expect(exported.truncated).toBe(false);

    const other = makeScope((await createIntegrator(t.db)).id);
    await expect(getBalanceHistory(t.db, other, id, { page: 1, pageSize: 10 })).rejects.toThrow(NotFoundError);
    await expect(getBalanceHistory(t.db, { ...scope, environment: "production" }, id, { page: 1, pageSize: 10 })).rejects.toThrow(NotFoundError);
  });

  it("crypto wallets: per chain with token balances, scoped", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    const [celo] = await t.db
      .insert(cryptoWallets)
      .values({ integratorId: integrator.id, environment: "sandbox", name: "Treasury", chain: "CELO", address: "0x1234567890abcdef1234567890abcdef12345678" })
      .returning();
    await t.db.insert(cryptoWallets).values({ integratorId: integrator.id, environment: "production", name: "Prod", chain: "TRON", address: "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb" });
    await t.db.insert(cryptoBalances).values([
      { walletId: celo.id, token: "USDT", decimals: 6, balance: "1234567890" },
      { walletId: celo.id, token: "CUSD", decimals: 18, balance: "123456789012345678901234567890" },
    ]);
    const list = await listCryptoWallets(t.db, scope);
    expect(list).toHaveLength(1);
    expect(list[0].balances.map((b) => [b.token, b.balance])).toEqual([
      ["CUSD", "123456789012345678901234567890"],
      ["USDT", "1234567890"],
    ]);
    expect(formatTokenAmount("1234567890", 6)).toBe("1,234.56789");
    expect(formatTokenAmount("123456789012345678901234567890", 18, 2)).toBe("123,456,789,012.34");
    expect(formatTokenAmount("0", 6)).toBe("0");
    expect(formatTokenAmount("5", 6)).toBe("0.000005");
    expect(formatTokenAmount("92009100000", 6, 2, 2)).toBe("92,009.10");
    expect(formatTokenAmount("0", 18, 6, 2)).toBe("0.00");
    expect(formatTokenAmount("1999999", 6, 2, 2)).toBe("1.99");
    expect(await listCryptoWallets(t.db, makeScope((await createIntegrator(t.db)).id))).toEqual([]);
  });
});
