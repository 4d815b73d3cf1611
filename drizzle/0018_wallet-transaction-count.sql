ALTER TABLE "fiat_wallets" ADD COLUMN "ledger_transaction_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing wallets: count what the overview used to count on every read.
UPDATE "fiat_wallets" w SET "ledger_transaction_count" = c.n
  FROM (SELECT wallet_id, count(DISTINCT ledger_transaction_id)::int AS n FROM ledger_entries WHERE wallet_id IS NOT NULL GROUP BY wallet_id) c
 WHERE c.wallet_id = w.id;
