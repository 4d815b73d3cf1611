import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import type { CountryCode } from "libphonenumber-js";
import { createTestDb, testEngines, type TestDb } from "../../../test/db";
import { COUNTRIES, TOKEN_DECIMALS } from "../../markets";
import type { Db } from "../client";
import { seed } from "./index";

const NOW = new Date("2026-03-01T00:00:00Z");
const OPTS = { transactions: 2000, seed: 7, now: NOW };

async function rows<T = Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** md5 over every row of the tables the seed generates, in a fixed order (serial ids and password hashes left out). */
async function digest(db: Db): Promise<Record<string, string>> {
  const queries: Record<string, ReturnType<typeof sql>> = {
    integrators: sql`select md5(string_agg(t::text, '|' order by id)) as d from integrators t`,
    users: sql`select md5(string_agg(concat_ws(',', id, email, name, preferred_environment, created_at), '|' order by id)) as d from users`,
    roles: sql`select md5(string_agg(t::text, '|' order by id)) as d from roles t`,
    markets: sql`select md5(string_agg(t::text, '|' order by integrator_id, environment, country)) as d from integrator_markets t`,
    customers: sql`select md5(string_agg(t::text, '|' order by id)) as d from customers t`,
    transactions: sql`select md5(string_agg(t::text, '|' order by id)) as d from transactions t`,
    history: sql`select md5(string_agg(concat_ws(',', transaction_id, status, note, created_at), '|' order by id)) as d from transaction_status_history`,
    wallets: sql`select md5(string_agg(t::text, '|' order by id)) as d from fiat_wallets t`,
    cryptoWallets: sql`select md5(string_agg(t::text, '|' order by id)) as d from crypto_wallets t`,
    ledgerTransactions: sql`select md5(string_agg(t::text, '|' order by id)) as d from ledger_transactions t`,
    ledgerEntries: sql`select md5(string_agg(concat_ws(',', ledger_transaction_id, wallet_id, account, amount, deposit_balance_after, payout_balance_after, created_at), '|' order by id)) as d from ledger_entries`,
    paymentLinks: sql`select md5(string_agg(t::text, '|' order by id)) as d from payment_links t`,
    paymentLinkViews: sql`select md5(string_agg(t::text, '|' order by link_id, day)) as d from payment_link_views t`,
    webhookDeliveries: sql`select md5(string_agg(t::text, '|' order by id)) as d from webhook_deliveries t`,
    dailyStats: sql`select md5(string_agg(t::text, '|' order by integrator_id, environment, kind, currency, country, day, status)) as d from transaction_daily_stats t`,
  };
  const out: Record<string, string> = {};
  for (const [name, q] of Object.entries(queries)) out[name] = String((await rows<{ d: string }>(db, q))[0].d);
  return out;
}

describe.each(testEngines())("demo seed (%s)", (engine) => {
  let a: TestDb;
  let b: TestDb;

  beforeAll(async () => {
    a = await createTestDb(engine);
    b = await createTestDb(engine);
    // B takes the other load path (indexes dropped and rebuilt): same rows either way.
    await seed(a.db, OPTS);
    await seed(b.db, { ...OPTS, rebuildIndexes: true });
  }, 300_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("is deterministic: same seed and `now`, same rows", async () => {
    const [da, db] = [await digest(a.db), await digest(b.db)];
    expect(db).toEqual(da);
    const [{ n }] = await rows<{ n: number }>(a.db, sql`select count(*)::int as n from transactions`);
    expect(n).toBe(2000 + 400);
  });

  it("gives every seeded callback status its delivery row, and nothing claims a retry that is not queued", async () => {
    const [r] = await rows<{ without: number; mismatched: number; retrying: number; deliveries: number }>(
      a.db,
      sql`select
        (select count(*)::int from transactions t where callback_status is not null
           and not exists (select 1 from webhook_deliveries d where d.transaction_id = t.id)) as without,
        (select count(*)::int from transactions t join webhook_deliveries d on d.transaction_id = t.id
           where (t.callback_status = 0) <> (d.status = 'COMPLETED')) as mismatched,
        (select count(*)::int from transactions where callback_status = -1) as retrying,
        (select count(*)::int from webhook_deliveries) as deliveries`,
    );
    expect(r).toMatchObject({ without: 0, mismatched: 0, retrying: 0 });
    expect(r!.deliveries).toBeGreaterThan(1000);
  });

  it("creates both integrators, their teams and the listed markets", async () => {
    const ints = await rows<{
      organization: string;
      country_code: string;
      timezone: string;
      production_status: string;
    }>(
      a.db,
      sql`select organization, country_code, timezone, production_status from integrators order by organization`,
    );
    expect(ints.map((i) => i.organization)).toEqual(["Demo Kotani Pay", "Savanna Remit"]);
    expect(ints[0]).toMatchObject({ country_code: "KE", timezone: "Africa/Nairobi", production_status: "active" });

    const markets = await rows<{
      organization: string;
      environment: string;
      country: string;
      currency: string;
      is_default: boolean;
    }>(
      a.db,
      sql`select i.organization, m.environment, m.country, m.currency, m.is_default from integrator_markets m join integrators i on i.id = m.integrator_id`,
    );
    const list = (org: string, env: string) =>
      markets
        .filter((m) => m.organization === org && m.environment === env)
        .map((m) => `${m.country}/${m.currency}${m.is_default ? "*" : ""}`)
        .sort();
    expect(list("Demo Kotani Pay", "sandbox")).toEqual(
      [
        "KE/KES*",
        "UG/UGX",
        "TZ/TZS",
        "GH/GHS",
        "NG/NGN",
        "ZA/ZAR",
        "CI/XOF",
        "SN/XOF",
        "CM/XAF",
        "ZM/ZMW",
        "RW/RWF",
      ].sort(),
    );
    expect(list("Demo Kotani Pay", "production")).toEqual(["KE/KES*", "UG/UGX", "GH/GHS", "NG/NGN"].sort());
    expect(list("Savanna Remit", "sandbox")).toEqual(["KE/KES*", "UG/UGX"]);
    expect(list("Savanna Remit", "production")).toEqual([]);

    const members = await rows<{
      email: string;
      role: string;
      is_builtin: boolean;
      status: string;
      env: string | null;
      has_hash: boolean;
    }>(
      a.db,
      sql`select u.email, r.name as role, r.is_builtin, m.status, u.preferred_environment as env, u.password_hash like '$argon2id$%' as has_hash
          from memberships m join users u on u.id = m.user_id join roles r on r.id = m.role_id order by u.email`,
    );
    expect(members.map((m) => `${m.email}:${m.role}`)).toEqual([
      "admin@kotanipay.test:Admin",
      "demo@kotanipay.test:Owner",
      "developer@kotanipay.test:Developer",
      "finance@kotanipay.test:Finance",
      "owner@savanna.test:Owner",
      "viewer@kotanipay.test:Viewer",
    ]);
    for (const m of members)
      expect(m).toMatchObject({ is_builtin: true, status: "active", env: "sandbox", has_hash: true });
    const [{ n }] = await rows<{ n: number }>(a.db, sql`select count(*)::int as n from roles where is_builtin`);
    expect(n).toBe(10);
  });

  it("keeps every wallet equal to its ledger, every ledger transaction balanced, nothing negative", async () => {
    const wallets = await rows<{
      id: string;
      name: string;
      deposit: string;
      payout: string;
      dsum: string;
      psum: string;
      count: number;
      counted: number;
    }>(
      a.db,
      sql`select w.id, w.name, w.deposit_balance::text as deposit, w.payout_balance::text as payout,
            coalesce((select sum(amount) from ledger_entries e where e.wallet_id = w.id and e.account = 'deposit'), 0)::text as dsum,
            coalesce((select sum(amount) from ledger_entries e where e.wallet_id = w.id and e.account = 'payout'), 0)::text as psum,
            w.ledger_transaction_count as count,
            (select count(distinct ledger_transaction_id)::int from ledger_entries e where e.wallet_id = w.id) as counted
          from fiat_wallets w`,
    );
    expect(wallets.length).toBe(11 + 4 + 2);
    for (const w of wallets) {
      expect(w.deposit, w.name).toBe(w.dsum);
      expect(w.payout, w.name).toBe(w.psum);
      expect(w.count, w.name).toBe(w.counted);
      expect(BigInt(w.deposit) > 0n || BigInt(w.payout) > 0n, w.name).toBe(true);
      expect(BigInt(w.payout) > 0n, w.name).toBe(true);
    }
    const names = wallets.map((w) => w.name);
    expect(names).toContain("My XOF Wallet (CI)");
    expect(names).toContain("My XOF Wallet (SN)");
    expect(names).toContain("My KES Wallet");

    const unbalanced = await rows(
      a.db,
      sql`select ledger_transaction_id from ledger_entries group by 1 having sum(amount) <> 0`,
    );
    expect(unbalanced).toEqual([]);
    const [neg] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from ledger_entries where deposit_balance_after < 0 or payout_balance_after < 0`,
    );
    expect(neg.n).toBe(0);

    // The running balances after each entry agree with the cumulative sums in (created_at, id) order.
    const [drift] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from (
            select deposit_balance_after, payout_balance_after,
              sum(amount) filter (where account = 'deposit') over w as dep,
              sum(amount) filter (where account = 'payout') over w as pay
            from ledger_entries where wallet_id is not null
            window w as (partition by wallet_id order by created_at, id rows between unbounded preceding and current row)
          ) x where deposit_balance_after <> coalesce(dep, 0) or payout_balance_after <> coalesce(pay, 0)`,
    );
    expect(drift.n).toBe(0);

    // Each wallet starts with its opening balance, before any transaction.
    const firsts = await rows<{ kind: string }>(
      a.db,
      sql`select distinct on (e.wallet_id) lt.kind from ledger_entries e join ledger_transactions lt on lt.id = e.ledger_transaction_id
          where e.wallet_id is not null order by e.wallet_id, e.created_at, e.id`,
    );
    expect(new Set(firsts.map((f) => f.kind))).toEqual(new Set(["opening_balance"]));

    // A successful collection credits exactly its amount; failed payouts net to zero.
    const [bad] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from transactions t
          where t.kind = 'collection' and t.status = 'SUCCESSFUL'
            and coalesce((select sum(e.amount) from ledger_entries e join ledger_transactions lt on lt.id = e.ledger_transaction_id
                          where lt.reference = t.id and e.account = 'deposit'), 0) <> t.amount`,
    );
    expect(bad.n).toBe(0);
    const [badPayout] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from transactions t
          where t.kind = 'payout'
            and coalesce((select sum(e.amount) from ledger_entries e join ledger_transactions lt on lt.id = e.ledger_transaction_id
                          where lt.reference = t.id and e.account = 'payout'), 0)
                <> case when t.status in ('FAILED','EXPIRED','CANCELLED','DECLINED','REVERSED') then 0 else -(t.amount + t.fee) end`,
    );
    expect(badPayout.n).toBe(0);
  });

  it("gives every customer a valid mobile number for its country and network", async () => {
    const list = await rows<{ phone_number: string; country_code: string; network: string; customer_key: string }>(
      a.db,
      sql`select phone_number, country_code, network, customer_key from customers`,
    );
    expect(list.length).toBeGreaterThan(300);
    for (const c of list) {
      expect(
        isValidPhoneNumber(c.phone_number, c.country_code as CountryCode),
        `${c.phone_number} (${c.country_code})`,
      ).toBe(true);
      expect(c.phone_number.startsWith("+")).toBe(true);
      expect(COUNTRIES[c.country_code].networks).toContain(c.network);
      expect(c.customer_key).toMatch(/^[A-Za-z0-9]{20}$/);
    }
  });

  it("writes plausible transactions", async () => {
    const txs = await rows<{
      kind: string;
      status: string;
      channel: string;
      currency: string;
      amount: string;
      fee: string;
      transaction_amount: string;
      reference_id: string;
      token: string | null;
      crypto_amount: string | null;
      completed_at: string | null;
      created_at: string;
      history: number;
      error_code: string | null;
      refund_status: string | null;
      telco_id: string | null;
    }>(
      a.db,
      sql`select t.kind, t.status, t.channel, t.currency, t.amount::text, t.fee::text, t.transaction_amount::text, t.reference_id,
            t.token, t.crypto_amount::text, t.completed_at, t.created_at, t.error_code, t.refund_status, t.telco_id,
            (select count(*)::int from transaction_status_history h where h.transaction_id = t.id) as history
          from transactions t`,
    );
    const share = (f: (t: (typeof txs)[number]) => boolean) => txs.filter(f).length / txs.length;
    expect(share((t) => t.status === "SUCCESSFUL")).toBeGreaterThan(0.72);
    expect(share((t) => t.status === "SUCCESSFUL")).toBeLessThan(0.88);
    expect(share((t) => t.status === "FAILED")).toBeGreaterThan(0.05);
    expect(new Set(txs.map((t) => t.kind))).toEqual(new Set(["collection", "payout", "onramp", "offramp"]));
    for (const t of txs) {
      expect(t.reference_id).toMatch(/^[A-Z0-9]{8}$/);
      expect(t.history).toBeGreaterThan(0);
      expect(BigInt(t.amount) > 0n).toBe(true);
      if (t.kind === "collection") {
        if (["FAILED", "EXPIRED", "CANCELLED", "DECLINED"].includes(t.status))
          expect([t.fee, t.transaction_amount]).toEqual(["0", "0"]);
        else expect(BigInt(t.transaction_amount)).toBe(BigInt(t.amount) + BigInt(t.fee));
      }
      if (t.kind === "payout") expect(t.transaction_amount).toBe(t.amount);
      if (t.status === "FAILED") expect(t.error_code).toBeTruthy();
      if (
        t.status === "SUCCESSFUL" &&
        t.channel === "MOBILE_MONEY" &&
        (t.kind === "collection" || t.kind === "payout")
      ) {
        expect(t.telco_id).toMatch(/^[A-Z0-9]{10}$/);
      }
      if (["SUCCESSFUL", "FAILED", "EXPIRED", "CANCELLED", "REVERSED"].includes(t.status))
        expect(t.completed_at).toBeTruthy();
      if (t.kind === "onramp" || t.kind === "offramp") {
        expect(t.token && TOKEN_DECIMALS[t.token]).toBeTruthy();
        expect(t.crypto_amount).toMatch(/^\d+$/);
      }
      if (t.kind === "offramp" && t.status === "REVERSED") expect(t.refund_status).toBe("SUCCESSFUL");
      expect(new Date(t.created_at).getTime()).toBeLessThan(NOW.getTime());
      expect(new Date(t.created_at).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 90 * 86_400_000);
    }
    // XOF and UGX have no minor units in practice here: whole amounts.
    for (const t of txs.filter((x) => x.currency === "XOF")) expect(Number(t.amount) % 1).toBe(0);

    const [{ n: dupes }] = await rows<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from (select 1 from transactions group by integrator_id, environment, kind, reference_id having count(*) > 1) x`,
    );
    expect(dupes).toBe(0);
  });

  it("rebuilds the daily stats from the transactions", async () => {
    const [cmp] = await rows<{ stats_count: number; tx_count: number; stats_amount: string; tx_amount: string }>(
      a.db,
      sql`select (select sum(count)::int from transaction_daily_stats) as stats_count, (select count(*)::int from transactions) as tx_count,
                 (select sum(amount)::text from transaction_daily_stats) as stats_amount, (select sum(amount)::text from transactions) as tx_amount`,
    );
    expect(cmp.stats_count).toBe(cmp.tx_count);
    expect(cmp.stats_amount).toBe(cmp.tx_amount);
  });
});
