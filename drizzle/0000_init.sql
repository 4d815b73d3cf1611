CREATE TYPE "public"."environment" AS ENUM('sandbox', 'production');--> statement-breakpoint
CREATE TYPE "public"."member_status" AS ENUM('active', 'invited', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."production_status" AS ENUM('not_started', 'requested', 'active');--> statement-breakpoint
CREATE TYPE "public"."transaction_kind" AS ENUM('collection', 'payout', 'onramp', 'offramp');--> statement-breakpoint
CREATE TYPE "public"."wallet_status" AS ENUM('active', 'inactive', 'suspended', 'deleted');--> statement-breakpoint
CREATE TABLE "integrator_markets" (
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"country" char(2) NOT NULL,
	"currency" char(3) NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrator_markets_integrator_id_environment_country_currency_pk" PRIMARY KEY("integrator_id","environment","country","currency")
);
--> statement-breakpoint
CREATE TABLE "integrators" (
	"id" text PRIMARY KEY NOT NULL,
	"organization" text NOT NULL,
	"product_name" text,
	"email" text NOT NULL,
	"phone" text,
	"country_code" char(2) NOT NULL,
	"timezone" text DEFAULT 'Africa/Nairobi' NOT NULL,
	"production_status" "production_status" DEFAULT 'not_started' NOT NULL,
	"require_two_factor" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"integrator_id" text,
	"environment" "environment",
	"actor_user_id" text,
	"actor_email" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" text DEFAULT 'success' NOT NULL,
	"ip" text,
	"user_agent" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"email" text NOT NULL,
	"role_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role_id" text NOT NULL,
	"status" "member_status" DEFAULT 'active' NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "otp_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"purpose" text DEFAULT 'password_reset' NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 1 NOT NULL,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"preferred_environment" "environment",
	"last_sign_in_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crypto_balances" (
	"wallet_id" text NOT NULL,
	"token" text NOT NULL,
	"decimals" smallint NOT NULL,
	"balance" numeric(78, 0) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crypto_wallets" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"name" text NOT NULL,
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiat_wallets" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"name" text NOT NULL,
	"currency" char(3) NOT NULL,
	"country" char(2),
	"status" "wallet_status" DEFAULT 'active' NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"deposit_balance" bigint DEFAULT 0 NOT NULL,
	"payout_balance" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiat_wallets_deposit_nonneg" CHECK ("fiat_wallets"."deposit_balance" >= 0),
	CONSTRAINT "fiat_wallets_payout_nonneg" CHECK ("fiat_wallets"."payout_balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ledger_transaction_id" text NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"wallet_id" text,
	"account" text NOT NULL,
	"currency" char(3) NOT NULL,
	"amount" bigint NOT NULL,
	"deposit_balance_after" bigint,
	"payout_balance_after" bigint,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"kind" text NOT NULL,
	"currency" char(3) NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"reference" text,
	"description" text,
	"created_by" text,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"customer_key" text NOT NULL,
	"phone_number" text,
	"country_code" char(2) NOT NULL,
	"network" text DEFAULT 'NOT_SUPPORTED' NOT NULL,
	"account_name" text,
	"account_number" text,
	"bank_code" text,
	"first_name" text,
	"last_name" text,
	"email" text,
	"id_type" text,
	"id_number" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_daily_stats" (
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"kind" "transaction_kind" NOT NULL,
	"currency" char(3) NOT NULL,
	"country" char(2) NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "transaction_daily_stats_integrator_id_environment_kind_currency_country_day_status_pk" PRIMARY KEY("integrator_id","environment","kind","currency","country","day","status")
);
--> statement-breakpoint
CREATE TABLE "transaction_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"kind" "transaction_kind" NOT NULL,
	"channel" text NOT NULL,
	"reference_id" text NOT NULL,
	"reference_number" bigint NOT NULL,
	"status" text NOT NULL,
	"country" char(2) NOT NULL,
	"currency" char(3) NOT NULL,
	"network" text,
	"phone_number" text,
	"customer_id" text,
	"wallet_id" text,
	"amount" bigint NOT NULL,
	"transaction_amount" bigint NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"provider" text,
	"provider_reference" text,
	"telco_id" text,
	"error_code" text,
	"error_message" text,
	"callback_url" text,
	"callback_status" smallint,
	"chain" text,
	"token" text,
	"crypto_amount" numeric(78, 0),
	"crypto_address" text,
	"tx_hash" text,
	"deposit_status" text,
	"onchain_status" text,
	"refund_status" text,
	"refund_tx_hash" text,
	"payment_link_id" text,
	"bulk_item_id" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"transaction_id" text,
	"event" text NOT NULL,
	"url" text NOT NULL,
	"request_body" jsonb,
	"response_status" integer,
	"response_body" text,
	"attempt" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"duration_ms" integer,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"is_secure" boolean DEFAULT false NOT NULL,
	"secret_encrypted" text,
	"owner_user_id" text,
	"permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "bulk_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"upload_id" text NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"wallet_id" text NOT NULL,
	"currency" char(3) NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"total_amount" bigint NOT NULL,
	"total_payments" integer NOT NULL,
	"successful_payments" integer DEFAULT 0 NOT NULL,
	"failed_payments" integer DEFAULT 0 NOT NULL,
	"progress" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulk_items" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"integrator_id" text NOT NULL,
	"row_no" integer NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_phone" text NOT NULL,
	"network" text,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"reference" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"error_message" text,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"transaction_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bulk_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"total_recipients" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_links" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"short_code" text NOT NULL,
	"link_type" text DEFAULT 'STANDARD' NOT NULL,
	"pricing" text DEFAULT 'FIXED' NOT NULL,
	"currency" char(3) NOT NULL,
	"country" char(2) NOT NULL,
	"amount" bigint,
	"min_amount" bigint,
	"max_amount" bigint,
	"packages" jsonb,
	"payment_methods" text[] DEFAULT '{MOBILE_MONEY}'::text[] NOT NULL,
	"usage" text DEFAULT 'UNLIMITED' NOT NULL,
	"max_uses" integer,
	"current_uses" integer DEFAULT 0 NOT NULL,
	"customer_fields" jsonb,
	"callback_url" text,
	"expires_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_links_short_code_unique" UNIQUE("short_code")
);
--> statement-breakpoint
CREATE TABLE "webhook_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"url" text,
	"secret_encrypted" text,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integrator_markets" ADD CONSTRAINT "integrator_markets_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otp_codes" ADD CONSTRAINT "otp_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crypto_balances" ADD CONSTRAINT "crypto_balances_wallet_id_crypto_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."crypto_wallets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crypto_wallets" ADD CONSTRAINT "crypto_wallets_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiat_wallets" ADD CONSTRAINT "fiat_wallets_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_ledger_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("ledger_transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_wallet_id_fiat_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."fiat_wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_status_history" ADD CONSTRAINT "transaction_status_history_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_upload_id_bulk_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."bulk_uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_wallet_id_fiat_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."fiat_wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD CONSTRAINT "bulk_items_batch_id_bulk_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."bulk_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD CONSTRAINT "bulk_uploads_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD CONSTRAINT "bulk_uploads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_settings" ADD CONSTRAINT "webhook_settings_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_settings" ADD CONSTRAINT "webhook_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrator_markets_env_idx" ON "integrator_markets" USING btree ("integrator_id","environment");--> statement-breakpoint
CREATE INDEX "audit_logs_integrator_idx" ON "audit_logs" USING btree ("integrator_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_logs_actor_idx" ON "audit_logs" USING btree ("integrator_id","actor_user_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_action_idx" ON "audit_logs" USING btree ("integrator_id","action","created_at");--> statement-breakpoint
CREATE INDEX "auth_attempts_email_idx" ON "auth_attempts" USING btree ("kind","email","created_at");--> statement-breakpoint
CREATE INDEX "auth_attempts_ip_idx" ON "auth_attempts" USING btree ("kind","ip","created_at");--> statement-breakpoint
CREATE INDEX "invites_integrator_email_idx" ON "invites" USING btree ("integrator_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_integrator_user_key" ON "memberships" USING btree ("integrator_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_role_idx" ON "memberships" USING btree ("role_id");--> statement-breakpoint
CREATE INDEX "otp_codes_user_idx" ON "otp_codes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_integrator_name_key" ON "roles" USING btree ("integrator_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "crypto_balances_wallet_token_key" ON "crypto_balances" USING btree ("wallet_id","token");--> statement-breakpoint
CREATE INDEX "crypto_wallets_scope_idx" ON "crypto_wallets" USING btree ("integrator_id","environment","chain");--> statement-breakpoint
CREATE INDEX "fiat_wallets_scope_idx" ON "fiat_wallets" USING btree ("integrator_id","environment","currency","country");--> statement-breakpoint
CREATE INDEX "ledger_entries_wallet_idx" ON "ledger_entries" USING btree ("wallet_id","created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_entries_tx_idx" ON "ledger_entries" USING btree ("ledger_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_idempotency_key" ON "ledger_transactions" USING btree ("integrator_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "ledger_transactions_scope_idx" ON "ledger_transactions" USING btree ("integrator_id","environment","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_key" ON "customers" USING btree ("integrator_id","customer_key");--> statement-breakpoint
CREATE INDEX "customers_scope_idx" ON "customers" USING btree ("integrator_id","environment","country_code","created_at","id");--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("integrator_id","environment","phone_number");--> statement-breakpoint
CREATE INDEX "transaction_status_history_tx_idx" ON "transaction_status_history" USING btree ("transaction_id","created_at");--> statement-breakpoint
CREATE INDEX "transactions_list_idx" ON "transactions" USING btree ("integrator_id","environment","kind","currency","country","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "transactions_status_idx" ON "transactions" USING btree ("integrator_id","environment","kind","currency","country","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "transactions_market_idx" ON "transactions" USING btree ("integrator_id","environment","currency","country","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_reference_key" ON "transactions" USING btree ("integrator_id","environment","kind","reference_id");--> statement-breakpoint
CREATE INDEX "transactions_reference_number_idx" ON "transactions" USING btree ("integrator_id","reference_number");--> statement-breakpoint
CREATE INDEX "transactions_phone_idx" ON "transactions" USING btree ("integrator_id","environment","phone_number");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_tx_idx" ON "webhook_deliveries" USING btree ("transaction_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_scope_idx" ON "webhook_deliveries" USING btree ("integrator_id","environment","created_at");--> statement-breakpoint
CREATE INDEX "api_keys_scope_idx" ON "api_keys" USING btree ("integrator_id","environment","created_at");--> statement-breakpoint
CREATE INDEX "bulk_batches_upload_idx" ON "bulk_batches" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "bulk_batches_scope_idx" ON "bulk_batches" USING btree ("integrator_id","environment","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_items_row_key" ON "bulk_items" USING btree ("integrator_id","batch_id","row_no");--> statement-breakpoint
CREATE INDEX "bulk_items_batch_idx" ON "bulk_items" USING btree ("batch_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_uploads_file_key" ON "bulk_uploads" USING btree ("integrator_id","environment","file_hash");--> statement-breakpoint
CREATE INDEX "bulk_uploads_scope_idx" ON "bulk_uploads" USING btree ("integrator_id","environment","created_at");--> statement-breakpoint
CREATE INDEX "payment_links_scope_idx" ON "payment_links" USING btree ("integrator_id","environment","currency","country","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_settings_scope_key" ON "webhook_settings" USING btree ("integrator_id","environment");