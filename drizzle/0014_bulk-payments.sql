DROP INDEX "bulk_uploads_file_key";--> statement-breakpoint
DROP INDEX "bulk_items_batch_idx";--> statement-breakpoint
ALTER TABLE "bulk_uploads" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "country" char(2) DEFAULT 'KE' NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "total_fees" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "total_debit" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "retry_of" text;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "processed_by" text;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD COLUMN "environment" "environment" DEFAULT 'sandbox' NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD COLUMN "fee" bigint;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD COLUMN "country" char(2) DEFAULT 'KE' NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD COLUMN "metadata" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD COLUMN "retry_of" text;--> statement-breakpoint
ALTER TABLE "bulk_items" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD COLUMN "rows" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD COLUMN "callback_url" text;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD COLUMN "confirmed_by" text;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_processed_by_users_id_fk" FOREIGN KEY ("processed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_uploads" ADD CONSTRAINT "bulk_uploads_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_items_reference_key" ON "bulk_items" USING btree ("integrator_id","environment","reference") WHERE retry_of is null;--> statement-breakpoint
CREATE INDEX "bulk_uploads_file_idx" ON "bulk_uploads" USING btree ("integrator_id","environment","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_uploads_idempotency_key" ON "bulk_uploads" USING btree ("integrator_id","environment","idempotency_key");--> statement-breakpoint
CREATE INDEX "bulk_items_batch_idx" ON "bulk_items" USING btree ("batch_id","status","row_no");