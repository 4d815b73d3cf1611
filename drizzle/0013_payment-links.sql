CREATE TABLE "checkout_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"link_id" text NOT NULL,
	"ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_link_views" (
	"link_id" text NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "payment_link_views_link_id_day_pk" PRIMARY KEY("link_id","day")
);
--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "brand_color" text;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "logo_data" text;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "payment_links" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "checkout_attempts" ADD CONSTRAINT "checkout_attempts_link_id_payment_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."payment_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_link_views" ADD CONSTRAINT "payment_link_views_link_id_payment_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."payment_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkout_attempts_link_idx" ON "checkout_attempts" USING btree ("link_id","created_at");--> statement-breakpoint
CREATE INDEX "checkout_attempts_ip_idx" ON "checkout_attempts" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "transactions_payment_link_idx" ON "transactions" USING btree ("payment_link_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE payment_link_id is not null;