/**
 * The wallet screens' amount parser: parseAmount() (lib/money.ts) plus a thousands-separator
 * check. parseAmount drops every comma, so "1,00" would be read as 100 — a person typing a
 * decimal comma would move a hundred times what they meant. Commas are only accepted as proper
 * groups of three ("1,000.50"). Client-safe: the modal's live preview uses it too.
 */
import { parseAmount, type ParseAmountResult } from "@/lib/money";

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parseWalletAmount(input: string, currency: string): ParseAmountResult {
  const text = input.trim();
  if (text.includes(",") && !GROUPED.test(text)) {
    return { ok: false, error: "Use a dot for decimals and commas only between thousands, like 1,000.50" };
  }
  return parseAmount(text, currency);
}
