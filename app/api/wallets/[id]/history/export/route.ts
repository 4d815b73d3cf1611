import Papa from "papaparse";
import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getBalanceHistoryForExport } from "@/lib/wallets/balance-history";
import { LEDGER_KIND_LABELS } from "@/lib/wallets/types";
import { toDecimalString } from "@/lib/money";

const schema = z.object({ kind: z.string().regex(/^[a-z_]{1,32}$/).optional() });

/** Cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
function safeCell(value: string | null): string {
  if (value === null) return "";
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

/** The wallet's balance history as CSV (amounts as exact decimals of the wallet's currency). */
export const GET = gatedRoute<typeof schema, { id: string }>("wallets.read", schema, async ({ db, scope, input, params }) => {
  const { wallet, rows } = await getBalanceHistoryForExport(db, scope, params.id, input);
  const money = (v: string | null) => (v === null ? "" : toDecimalString(v, wallet.currency));
  const csv = Papa.unparse({
    fields: ["Time (UTC)", "Kind", "Reference", "Description", "Currency", "Deposit change", "Main balance change", "Deposit balance after", "Main balance after", "Ledger transaction"],
    data: rows.map((r) => [
      r.createdAt,
      LEDGER_KIND_LABELS[r.kind] ?? r.kind,
      safeCell(r.reference),
      safeCell(r.description),
      wallet.currency,
      money(r.depositDelta),
      money(r.payoutDelta),
      money(r.depositBalanceAfter),
      money(r.payoutBalanceAfter),
      r.id,
    ]),
  });
  const filename = `wallet-${wallet.currency}-${wallet.id}-balance-history.csv`;
  return new Response(`\ufeff${csv}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
