CREATE TABLE "fee_schedules" (
	"currency" char(3) NOT NULL,
	"direction" text NOT NULL,
	"channel" text NOT NULL,
	"percent_bps" integer DEFAULT 0 NOT NULL,
	"flat" bigint DEFAULT 0 NOT NULL,
	"min_fee" bigint,
	"max_fee" bigint,
	"max_amount" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_schedules_pk" PRIMARY KEY("currency","direction","channel")
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"event" text NOT NULL,
	"transaction_id" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payout_approval_thresholds" (
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"currency" char(3) NOT NULL,
	"threshold" bigint NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_approval_thresholds_pk" PRIMARY KEY("integrator_id","environment","currency")
);
--> statement-breakpoint
CREATE TABLE "payout_approvals" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"integrator_id" text NOT NULL,
	"environment" "environment" NOT NULL,
	"requested_by" text NOT NULL,
	"threshold" bigint NOT NULL,
	"decision" text,
	"decided_by" text,
	"reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fiat_wallets" ADD COLUMN "collection_fee_bearer" text DEFAULT 'CUSTOMER' NOT NULL;--> statement-breakpoint
ALTER TABLE "fiat_wallets" ADD COLUMN "payout_fee_bearer" text DEFAULT 'WALLET' NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "origin" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "fee_bearer" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "wallet_amount" bigint;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_approval_thresholds" ADD CONSTRAINT "payout_approval_thresholds_integrator_id_integrators_id_fk" FOREIGN KEY ("integrator_id") REFERENCES "public"."integrators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_approvals" ADD CONSTRAINT "payout_approvals_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events" USING btree ("id") WHERE published_at is null;--> statement-breakpoint
CREATE INDEX "outbox_events_tx_idx" ON "outbox_events" USING btree ("transaction_id","id");--> statement-breakpoint
CREATE INDEX "payout_approvals_scope_idx" ON "payout_approvals" USING btree ("integrator_id","environment","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_idempotency_key" ON "transactions" USING btree ("integrator_id","environment","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "transactions_awaiting_idx" ON "transactions" USING btree ("integrator_id","environment","currency") WHERE status = 'AWAITING_APPROVAL';