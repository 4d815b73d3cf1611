/**
 * The demo data seed: two integrators ("Demo Kotani Pay" with its team, 15 markets and ~90 days
 * of transactions; "Savanna Remit", small, to make tenant leaks visible), their wallets,
 * customers, crypto wallets and a ledger that balances to the cent.
 *
 * Modules: prng (seeded randomness, ids) · demo-plans (who and where) · team · wallets ·
 * crypto · customers · volume (how many per day) · status (mix and timelines) · amounts ·
 * transactions (the generator) · ledger (entries and running balances) · loader (COPY).
 * Everything is generated in time order, day by day, and streamed to the database in large
 * COPY batches inside one transaction: a crash leaves an empty database, never half a seed.
 */
import { hash } from "@node-rs/argon2";
import { currencyExponent } from "../../markets";
import { rebuildDailyStats } from "../../transactions/daily-stats";
import type { Db } from "../client";
import { customers, ledgerEntries, ledgerTransactions, transactionStatusHistory, transactions } from "../schema";
import { KIND_SCALE_USD, meanAmount, niceCeil } from "./amounts";
import { iso, type SeedContext } from "./context";
import { seedCryptoWallets } from "./crypto";
import { seedCustomers } from "./customers";
import { seedWebhookDeliveries } from "./webhook-deliveries";
import { seedPaymentLinks } from "./payment-links";
import { SeedLedger } from "./ledger";
import { BulkLoader, detectEngine } from "./loader";
import { DEMO_PASSWORD, demoPlans } from "./demo-plans";
import { DAY_MS, HISTORY_DAYS, type IntegratorPlan, type MarketPlan } from "./plan";
import { IdFactory, Rng } from "./prng";
import { CURRENCY_PLANS } from "./reference-data";
import { seedTeam } from "./team";
import { TransactionGenerator, type MarketRuntime } from "./transactions";
import { allocate, dayWeights } from "./volume";
import { seedFiatWallets } from "./wallets";

export { DEMO_EMAIL, DEMO_PASSWORD } from "./demo-plans";
export const DEFAULT_TRANSACTIONS = 20_000;
export const DEFAULT_SEED = 42;
/** Above this many transactions the load drops the secondary indexes and rebuilds them at the end. */
const REBUILD_INDEXES_FROM = 50_000;

export interface SeedOptions {
  /** Transactions of "Demo Kotani Pay", sandbox + production (default 20,000). */
  transactions?: number;
  /** PRNG seed (default 42): the same seed and `now` give the same rows. */
  seed?: number;
  /** "Today": history ends here. Default: the current day at 00:00 UTC. */
  now?: Date;
  log?: (msg: string) => void;
  /** Drop and re-create secondary indexes around the load (default: for large seeds). */
  rebuildIndexes?: boolean;
}

export interface SeedResult {
  integrators: { id: string; organization: string; transactions: number }[];
  rows: Record<string, number>;
}

/** The current day at 00:00 UTC. */
export function utcMidnight(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * Seeds the demo data into an empty (migrated) database, in one database transaction.
 * Deterministic for a given `seed` and `now`, except the users' password hash (argon2 salts
 * are random).
 */
export async function seed(db: Db, opts: SeedOptions = {}): Promise<SeedResult> {
  const seedValue = opts.seed ?? DEFAULT_SEED;
  const total = Math.max(0, Math.floor(opts.transactions ?? DEFAULT_TRANSACTIONS));
  const now = (opts.now ?? utcMidnight(new Date())).getTime();
  const log = opts.log ?? (() => {});
  const plans = demoPlans(total);
  const rebuildIndexes = opts.rebuildIndexes ?? total >= REBUILD_INDEXES_FROM;

  let t = performance.now();
  const phase = (name: string) => {
    const el = performance.now() - t;
    t = performance.now();
    log(`${name}: ${(el / 1000).toFixed(1)} s`);
  };

  // argon2id with the library's defaults, once: every demo user shares the password.
  const passwordHash = await hash(DEMO_PASSWORD);
  phase("password hash");

  const engine = detectEngine(db);
  const root = new Rng(seedValue);
  const result: SeedResult = { integrators: [], rows: {} };

  await db.transaction(async (tx) => {
    const loader = new BulkLoader(tx as unknown as Db, engine);
    // Parents before children: a flush writes in this order.
    loader.register(customers);
    loader.register(transactions);
    loader.register(transactionStatusHistory, { omit: ["id"] });
    loader.register(ledgerTransactions);
    loader.register(ledgerEntries, { omit: ["id"] });
    if (rebuildIndexes)
      await loader.dropIndexes([customers, transactions, transactionStatusHistory, ledgerTransactions, ledgerEntries]);

    const ctx: SeedContext = { loader, ids: new IdFactory(seedValue), now, start: now - HISTORY_DAYS * DAY_MS, log };
    for (const [i, plan] of plans.entries()) {
      // One generator per integrator: changing one integrator's data leaves the other's alone.
      const rng = root.fork(i);
      const seeded = await seedIntegrator(ctx, rng, plan, passwordHash);
      result.integrators.push({
        id: seeded.integratorId,
        organization: plan.organization,
        transactions: seeded.transactions,
      });
      phase(
        `${plan.organization}: ${seeded.transactions.toLocaleString("en-US")} transactions, ${seeded.ledgerTransactions.toLocaleString("en-US")} ledger transactions`,
      );
    }
    await loader.drain();
    if (rebuildIndexes) {
      await loader.restoreIndexes();
      phase("indexes");
    }
    const links = await seedPaymentLinks(tx as unknown as Db, root.fork(1000), ctx.ids);
    phase(`${links} payment links`);
    const callbacks = await seedWebhookDeliveries(tx as unknown as Db);
    phase(`${callbacks.toLocaleString("en-US")} callback deliveries`);
    for (const i of result.integrators) await rebuildDailyStats(tx as unknown as Db, i.id);
    phase("daily stats");
    result.rows = { ...loader.written, payment_links: links, webhook_deliveries: callbacks };
  });
  phase("commit");
  return result;
}

async function seedIntegrator(ctx: SeedContext, rng: Rng, plan: IntegratorPlan, passwordHash: string) {
  const team = await seedTeam(ctx, plan, passwordHash);
  const wallets = await seedFiatWallets(ctx, team.integratorId, plan.markets);
  await seedCryptoWallets(ctx, rng, team.integratorId, plan.cryptoChains);

  // Transactions per environment, then per market, then per day.
  const envs = Object.entries(plan.environmentShare) as [MarketPlan["environment"], number][];
  const perEnv = allocate(
    plan.transactions,
    envs.map(([, w]) => w),
  );
  const counts = new Map<MarketPlan, number>();
  envs.forEach(([env], i) => {
    const list = plan.markets.filter((m) => m.environment === env);
    allocate(
      perEnv[i],
      list.map((m) => m.weight),
    ).forEach((n, k) => counts.set(list[k], n));
  });

  const usedKeys = new Set<string>();
  const ledger = new SeedLedger(ctx);
  const runtimes: MarketRuntime[] = [];
  for (const m of plan.markets) {
    const n = counts.get(m) ?? 0;
    const pool = await seedCustomers(
      ctx,
      rng,
      team.integratorId,
      m.environment,
      m.country,
      Math.min(4000, Math.max(25, Math.round(n / 12))),
      usedKeys,
    );
    const wallet = wallets.get(m)!;
    // Opening balances: about six days of payouts on the payout balance, a quarter of that on deposit.
    const perUsd = (CURRENCY_PLANS[m.currency].rateE4 / 1e4) * 10 ** currencyExponent(m.currency);
    const payout = niceCeil(
      Math.max(500 * perUsd, ((n * 0.3) / HISTORY_DAYS) * 6 * meanAmount(m.currency, KIND_SCALE_USD.payout)),
    );
    const deposit = niceCeil(payout * 0.25);
    await ledger.opening(
      wallet,
      ctx.start - DAY_MS + rng.int(8 * 3_600_000),
      deposit,
      payout,
      team.userByRole.Owner ?? null,
    );
    runtimes.push({ plan: m, wallet, pool, dayCounts: allocate(n, dayWeights(rng, ctx.start)) });
  }

  const generator = new TransactionGenerator({
    ctx,
    rng,
    integratorId: team.integratorId,
    callbackUrl: plan.callbackUrl,
    markets: runtimes,
    ledger,
    transferUserId: team.userByRole.Finance ?? team.ownerId,
  });
  await generator.run();
  await ledger.writeBalances([...wallets.values()]);
  await ctx.loader.flush();
  await ctx.loader.drain();
  ctx.log(
    `  ${plan.organization}: ${generator.stats.history.toLocaleString("en-US")} status changes, ${generator.stats.transfers + generator.stats.autoTransfers} transfers, ${generator.stats.insufficient} payouts refused for insufficient funds (since ${iso(ctx.start).slice(0, 10)})`,
  );
  return {
    integratorId: team.integratorId,
    transactions: generator.stats.transactions,
    ledgerTransactions: ledger.transactions,
  };
}
