ALTER TABLE "transaction_daily_stats" ADD COLUMN "network" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "transaction_daily_stats" ADD COLUMN "channel" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "transaction_daily_stats" DROP CONSTRAINT "transaction_daily_stats_integrator_id_environment_kind_currency_country_day_status_pk";--> statement-breakpoint
ALTER TABLE "transaction_daily_stats" ADD CONSTRAINT "transaction_daily_stats_pk" PRIMARY KEY("integrator_id","environment","kind","currency","country","day","status","network","channel");
