CREATE TABLE "job_effects" (
	"job_id" uuid NOT NULL,
	"step" text DEFAULT '' NOT NULL,
	"queue" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_effects_job_id_step_pk" PRIMARY KEY("job_id","step")
);
--> statement-breakpoint
CREATE INDEX "job_effects_created_idx" ON "job_effects" USING btree ("created_at");