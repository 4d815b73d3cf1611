import "server-only";
import { and, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { TransactionKind } from "@/lib/db/schema/enums";
import { transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { readableKinds } from "./kinds";

export const MAX_STATUS_IDS = 20;

/** `?ids=a,b,c`: 1 to 20 transaction ids, comma-separated (the transaction watcher's poll). */
export const transactionStatusesQuerySchema = z.object({
  ids: z
    .string({ error: "Give the transaction ids" })
    .transform((v) => [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Malformed id"))
        .min(1, "Give at least one transaction id")
        .max(MAX_STATUS_IDS, `At most ${MAX_STATUS_IDS} ids at a time`),
    ),
});

export interface TransactionStatus {
  id: string;
  kind: TransactionKind;
  status: string;
  errorMessage: string | null;
}

/**
 * The current status of a few transactions this tab is waiting on (New Collection, Send Money).
 * Integrator and environment only, not the market: a tab that switched market still hears how its
 * payout ended. Another integrator's, environment's or an unreadable kind's id is simply absent.
 */
export async function getTransactionStatuses(db: Db, scope: Scope, ids: readonly string[]): Promise<TransactionStatus[]> {
  const kinds = readableKinds("recent", scope.permissions);
  const wanted = ids.filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)).slice(0, MAX_STATUS_IDS);
  if (wanted.length === 0 || kinds.length === 0) return [];
  const rows = await db
    .select({ id: t.id, kind: t.kind, status: t.status, errorMessage: t.errorMessage })
    .from(t)
    .where(and(inScope(t, scope), inArray(t.id, wanted), inArray(t.kind, kinds)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}
