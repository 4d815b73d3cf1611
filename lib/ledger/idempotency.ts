import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { ledgerTransactions, type Environment } from "@/lib/db/schema";
import { ConflictError } from "@/lib/auth/errors";
import { RetryableLedgerError, type Tx } from "./ledger";

/**
 * Idempotency for every money movement: the ledger transaction row carries the key (unique per
 * integrator), a hash of the request and, once done, the response a repeat gets back.
 */

/** SHA-256 over the request's meaningful fields (keys sorted, so field order never matters). */
export function requestHash(fields: Record<string, string | number | boolean | null | undefined>): string {
  const canonical = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] ?? null]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export interface ClaimInput {
  integratorId: string;
  environment: Environment;
  kind: string;
  currency: string;
  idempotencyKey: string;
  requestHash: string;
  reference?: string | null;
  description?: string | null;
  createdBy?: string | null;
}

export type ClaimResult = { status: "claimed"; id: string } | { status: "replay"; id: string; response: unknown };

export const IDEMPOTENCY_CONFLICT_MESSAGE = "This idempotency key was already used for a different transfer";

/**
 * Inserts the ledger transaction row for `idempotencyKey`, first thing in the database
 * transaction. ON CONFLICT DO NOTHING: on PostgreSQL a concurrent inserter of the same key waits
 * on the unique index until the first transaction ends; after a commit it sees the row here and
 * gets the stored response, after a rollback its own insert goes through.
 */
export async function claimIdempotencyKey(tx: Tx, input: ClaimInput, conflictMessage = IDEMPOTENCY_CONFLICT_MESSAGE): Promise<ClaimResult> {
  const inserted = await tx
    .insert(ledgerTransactions)
    .values({
      integratorId: input.integratorId,
      environment: input.environment,
      kind: input.kind,
      currency: input.currency,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      reference: input.reference ?? null,
      description: input.description ?? null,
      createdBy: input.createdBy ?? null,
    })
    .onConflictDoNothing({ target: [ledgerTransactions.integratorId, ledgerTransactions.idempotencyKey] })
    .returning({ id: ledgerTransactions.id });
  if (inserted[0]) return { status: "claimed", id: inserted[0].id };

  const [existing] = await tx
    .select({ id: ledgerTransactions.id, requestHash: ledgerTransactions.requestHash, response: ledgerTransactions.response })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.integratorId, input.integratorId), eq(ledgerTransactions.idempotencyKey, input.idempotencyKey)))
    .limit(1);
  // Not visible: the row we collided with was rolled back in between. The caller retries.
  if (!existing) throw new RetryableLedgerError("idempotency row vanished");
  if (existing.requestHash !== input.requestHash) throw new ConflictError(conflictMessage);
  // Written in the same transaction as the row, so a committed row always has one.
  if (existing.response === null || existing.response === undefined) {
    throw new ConflictError("A request with this idempotency key is still being processed. Try again in a moment.");
  }
  return { status: "replay", id: existing.id, response: existing.response };
}

