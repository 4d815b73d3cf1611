import { customers } from "../schema";
import type { Environment } from "../schema/enums";
import { iso, type SeedContext } from "./context";
import { DAY_MS } from "./plan";
import { Weighted, type Rng } from "./prng";
import {
  BANKS,
  NAMES,
  NETWORK_SHARE,
  PHONE_PLANS,
  SANDBOX_SCENARIO_COUNTRIES,
  SANDBOX_SCENARIOS,
} from "./reference-data";

export interface SeedCustomer {
  id: string;
  phone: string;
  network: string;
  firstName: string;
  lastName: string;
  bank: { code: string; name: string; provider: string; accountNumber: string } | null;
  createdAt: number;
  /** Index into SANDBOX_SCENARIOS for the sandbox's magic numbers. */
  scenario: number | null;
}

/**
 * The customers of one market and environment, oldest first. A transaction at time t picks
 * among the customers that existed then, favouring older (regular) ones.
 */
export class CustomerPool {
  constructor(
    readonly list: SeedCustomer[],
    readonly magic: SeedCustomer[],
  ) {}

  /** Customers created at or before `at` (binary search on the creation-ordered list). */
  private availableAt(at: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[mid].createdAt <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  pick(rng: Rng, at: number): SeedCustomer {
    const k = Math.max(1, this.availableAt(at));
    return this.list[Math.floor(k * Math.pow(rng.next(), 1.6))];
  }

  pickWithBank(rng: Rng, at: number): SeedCustomer | null {
    for (let i = 0; i < 12; i++) {
      const c = this.pick(rng, at);
      if (c.bank) return c;
    }
    return null;
  }
}

/** A valid E.164 mobile number on `network` in `country` (real prefixes, random subscriber digits). */
export function randomPhone(rng: Rng, country: string, network: string): string {
  const plan = PHONE_PLANS[country];
  const prefixes = plan.networks[network];
  const prefix = rng.pick(prefixes);
  return `+${plan.callingCode}${prefix}${rng.digits(plan.length - prefix.length)}`;
}

const networkTables = new Map<string, Weighted<string>>();
export function drawNetwork(rng: Rng, country: string): string {
  let t = networkTables.get(country);
  if (!t) {
    t = new Weighted(Object.entries(NETWORK_SHARE[country]));
    networkTables.set(country, t);
  }
  return t.draw(rng);
}

function emailOf(rng: Rng, first: string, last: string): string {
  const local = `${first}.${last}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  return `${local}${rng.chance(0.5) ? rng.range(1, 99) : ""}@${rng.pick(["gmail.com", "yahoo.com", "outlook.com", "example.com"])}`;
}

/**
 * Generates and queues the customers of one market/environment: 40% existed before the
 * history window, the rest join steadily over it. In sandbox KE/UG/TZ the sandbox's magic
 * test numbers (domain reference §6) are customers too.
 */
export async function seedCustomers(
  ctx: SeedContext,
  rng: Rng,
  integratorId: string,
  environment: Environment,
  country: string,
  count: number,
  usedKeys: Set<string>,
): Promise<CustomerPool> {
  const names = NAMES[country];
  const banks = BANKS[country];
  const span = ctx.now - DAY_MS - ctx.start;
  const usedPhones = new Set<string>();
  const list: SeedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt =
      i < count * 0.4
        ? ctx.start - 60 * DAY_MS + Math.floor((i / (count * 0.4)) * 59 * DAY_MS)
        : ctx.start + Math.floor(((i - count * 0.4) / (count * 0.6)) * span);
    const network = drawNetwork(rng, country);
    let phone = randomPhone(rng, country, network);
    while (usedPhones.has(phone)) phone = randomPhone(rng, country, network);
    usedPhones.add(phone);
    const firstName = rng.pick(names.first);
    const lastName = rng.pick(names.last);
    const bank =
      banks && rng.chance(0.35)
        ? { ...rng.pick(banks), accountNumber: rng.digits(country === "NG" ? 10 : rng.range(10, 13)) }
        : null;
    list.push({
      id: "",
      phone,
      network,
      firstName,
      lastName,
      bank,
      createdAt: createdAt + rng.int(DAY_MS - 1),
      scenario: null,
    });
  }
  list.sort((a, b) => a.createdAt - b.createdAt);

  const magic: SeedCustomer[] = [];
  if (environment === "sandbox" && SANDBOX_SCENARIO_COUNTRIES.has(country)) {
    const callingCode = PHONE_PLANS[country].callingCode;
    const firstNetwork = Object.keys(PHONE_PLANS[country].networks)[0];
    SANDBOX_SCENARIOS.forEach((s, idx) => {
      magic.push({
        id: "",
        phone: `+${callingCode}${s.suffix}`,
        network: firstNetwork,
        firstName: s.name[0],
        lastName: s.name[1],
        bank: null,
        createdAt: ctx.start - 45 * DAY_MS + idx * 60_000,
        scenario: idx,
      });
    });
  }

  for (const c of [...magic, ...list]) {
    c.id = ctx.ids.next(c.createdAt);
    let key = rng.alnum(20);
    while (usedKeys.has(key)) key = rng.alnum(20);
    usedKeys.add(key);
    const hasEmail = rng.chance(0.45);
    const hasId = rng.chance(0.3);
    const updatedAt = c.createdAt + (rng.chance(0.2) ? rng.int(20 * DAY_MS) : 0);
    await ctx.loader.push(customers, {
      id: c.id,
      integratorId,
      environment,
      customerKey: key,
      phoneNumber: c.phone,
      countryCode: country,
      network: c.network,
      accountName: c.bank ? `${c.firstName} ${c.lastName}`.toUpperCase() : `${c.firstName} ${c.lastName}`,
      accountNumber: c.bank?.accountNumber ?? null,
      bankCode: c.bank?.code ?? null,
      firstName: c.firstName,
      lastName: c.lastName,
      email: hasEmail ? emailOf(rng, c.firstName, c.lastName) : null,
      idType: hasId ? (country === "CI" || country === "SN" ? "ECOWAS_ID" : "NATIONAL_ID") : null,
      idNumber: hasId ? rng.digits(country === "ZA" ? 13 : 8) : null,
      status: c.scenario === null && rng.chance(0.04) ? "inactive" : "active",
      createdAt: iso(c.createdAt),
      updatedAt: iso(Math.min(updatedAt, ctx.now - 1000)),
    });
  }
  return new CustomerPool(list, magic);
}
