ALTER TABLE "customers" ADD COLUMN "date_of_birth" date;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "suspended_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_lookup_status" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "verified_name" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "transactions_customer_idx" ON "transactions" USING btree ("customer_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);