-- Issue 16: province workbook imports are jobs in the database, not in one process's memory, so
-- behind a load balancer a preview started on one instance is polled and applied from another.
-- The uploaded workbook is kept in the job's own row (not in stored_files, whose files are records
-- kept for good) until the job is applied, fails or expires; then it is dropped.
CREATE TABLE "province_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"state" text NOT NULL,
	"phase" text NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"preview" jsonb,
	"failure" jsonb,
	"content" bytea,
	"content_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "province_imports_state_known" CHECK ("state" in ('checking', 'ready', 'applying', 'applied', 'failed')),
	CONSTRAINT "province_imports_phase_known" CHECK ("phase" in ('reading', 'checking', 'applying', 'done')),
	CONSTRAINT "province_imports_failed_has_reason" CHECK (("state" = 'failed') = ("failure" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "province_imports" ADD CONSTRAINT "province_imports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "province_imports" ADD CONSTRAINT "province_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "province_imports_account_idx" ON "province_imports" USING btree ("account_id", "state");
--> statement-breakpoint
CREATE INDEX "province_imports_updated_idx" ON "province_imports" USING btree ("updated_at");
