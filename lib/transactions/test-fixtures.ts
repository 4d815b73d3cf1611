/**
 * Test data for the transaction tests: integrators with markets, a Scope for each, and
 * deterministic transactions. Used by *.test.ts only (never imported by the app).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { integratorMarkets, integrators, transactions, transactionStatusHistory, webhookDeliveries } from "@/lib/db/schema";
import type { Environment, TransactionKind } from "@/lib/db/schema/enums";
import type { Scope } from "@/lib/auth/scope";
import { testScope } from "@/lib/auth/test-scope";
import type { Permission } from "@/lib/auth/permissions";

export const MARKETS = [
  { country: "KE", currency: "KES" },
  { country: "UG", currency: "UGX" },
] as const;

export function makeScope(
  integratorId: string,
  environment: Environment,
  market: { country: string; currency: string },
  opts: { permissions?: readonly Permission[]; timezone?: string } = {},
): Scope {
  return testScope(integratorId, { ...opts, environment, market, markets: MARKETS, organization: `Org ${integratorId}` });
}

export async function createIntegrator(db: Db, id: string): Promise<void> {
  await db.insert(integrators).values({ id, organization: `Org ${id}`, email: `${id}@example.test`, countryCode: "KE" });
  for (const environment of ["sandbox", "production"] as const) {
    await db.insert(integratorMarkets).values(MARKETS.map((m, i) => ({ integratorId: id, environment, ...m, isDefault: i === 0 })));
  }
}

const KINDS: TransactionKind[] = ["collection", "payout", "onramp", "offramp"];
const STATUSES = ["SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "FAILED", "PENDING", "IN_PROGRESS", "EXPIRED", "SUCCESS"];
const NETWORKS: Record<string, string[]> = { KE: ["MPESA", "AIRTEL"], UG: ["MTN", "AIRTEL"] };
const CALLING: Record<string, string> = { KE: "254", UG: "256" };

export interface SeedOptions {
  integratorId: string;
  environment: Environment;
  market: { country: string; currency: string };
  count: number;
  /** Newest row's time; rows go back `stepMinutes` apart. */
  newest?: Date;
  stepMinutes?: number;
  /** Every n-th row shares the previous row's created_at (keyset ties). */
  tieEvery?: number;
  prefix?: string;
}

/** Deterministic rows over the four kinds; returns their ids. */
export async function seedTransactions(db: Db, o: SeedOptions): Promise<string[]> {
  const newest = (o.newest ?? new Date("2026-01-31T12:00:00Z")).getTime();
  const step = (o.stepMinutes ?? 97) * 60_000;
  const prefix = o.prefix ?? `${o.integratorId.slice(-1).toUpperCase()}${o.environment[0].toUpperCase()}${o.market.country}`;
  const rows: (typeof transactions.$inferInsert)[] = [];
  let created = newest;
  for (let i = 0; i < o.count; i++) {
    if (!(o.tieEvery && i % o.tieEvery === 1)) created = newest - i * step;
    const kind = KINDS[i % 4];
    const status = STATUSES[(i * 7) % STATUSES.length];
    const amount = BigInt(1000 + ((i * 7919) % 50_000)) * 100n;
    const fee = status.startsWith("SUCCESS") ? amount / 40n : 0n;
    const crypto = kind === "onramp" || kind === "offramp";
    rows.push({
      id: `${prefix.toLowerCase()}${String(i).padStart(6, "0")}`.padEnd(24, "0").slice(0, 24),
      integratorId: o.integratorId,
      environment: o.environment,
      kind,
      channel: crypto ? "CRYPTO" : i % 5 === 0 ? "BANK" : "MOBILE_MONEY",
      referenceId: `${prefix}-${String(i).padStart(6, "0")}`,
      referenceNumber: 10_000_000 + i,
      status,
      country: o.market.country,
      currency: o.market.currency,
      network: NETWORKS[o.market.country]?.[Math.floor(i / 4) % 2] ?? null,
      phoneNumber: `+${CALLING[o.market.country] ?? "254"}7${String(10_000_000 + ((i * 104_729) % 89_999_999)).slice(0, 8)}`,
      amount,
      transactionAmount: kind === "collection" ? amount + fee : amount,
      fee,
      errorCode: status === "FAILED" ? "INSUFFICIENT_FUNDS" : null,
      errorMessage: status === "FAILED" ? "The subscriber has insufficient funds" : null,
      chain: crypto ? "CELO" : null,
      token: crypto ? "USDT" : null,
      cryptoAmount: crypto ? String(1_500_000 + i) : null,
      cryptoAddress: crypto ? `0x${"ab".repeat(20)}` : null,
      txHash: crypto ? `0x${"cd".repeat(32)}` : null,
      refundStatus: kind === "offramp" && status === "FAILED" ? "PENDING" : null,
      createdAt: new Date(created),
      updatedAt: new Date(created + 60_000),
      completedAt: status.startsWith("SUCCESS") ? new Date(created + 30_000) : null,
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(transactions).values(rows.slice(i, i + 500));
  return rows.map((r) => r.id!);
}

export async function addHistory(db: Db, transactionId: string, integratorId: string): Promise<void> {
  await db.insert(transactionStatusHistory).values([
    { transactionId, status: "PENDING", createdAt: new Date("2026-01-01T10:00:00Z") },
    { transactionId, status: "SUCCESSFUL", note: "Confirmed by provider", createdAt: new Date("2026-01-01T10:00:30Z") },
  ]);
  await db.insert(webhookDeliveries).values({
    integratorId,
    environment: "sandbox",
    transactionId,
    event: "deposit.successful",
    url: "https://example.test/hook",
    status: "COMPLETED",
    responseStatus: 200,
  });
}

export async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}
