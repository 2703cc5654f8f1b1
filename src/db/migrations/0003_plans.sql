CREATE TABLE "concern_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concern_id" uuid NOT NULL,
	"account_id" uuid,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concern_messages_side_known" CHECK ("concern_messages"."side" in ('raiser', 'issuer')),
	CONSTRAINT "concern_messages_body_present" CHECK (length("concern_messages"."body") > 0)
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"raised_by_organization_id" uuid NOT NULL,
	"raised_by_path" text NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concerns_status_known" CHECK ("concerns"."status" in ('open', 'answered', 'closed')),
	CONSTRAINT "concerns_subject_present" CHECK (length("concerns"."subject") > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_deadline_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"deadline" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_deadline_changes_reason_present" CHECK (length("plan_deadline_changes"."reason") > 0),
	CONSTRAINT "plan_deadline_changes_deadline_known" CHECK ("plan_deadline_changes"."deadline" in ('meetingsDueOn', 'baseReportsDueOn', 'upwardReportDueOn'))
);
--> statement-breakpoint
CREATE TABLE "plan_progress" (
	"plan_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"workplaces" integer DEFAULT 0 NOT NULL,
	"required" integer DEFAULT 0 NOT NULL,
	"exempt" integer DEFAULT 0 NOT NULL,
	"scheduled" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"minutes_signed" integer DEFAULT 0 NOT NULL,
	"compiled" integer DEFAULT 0 NOT NULL,
	"reported" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_progress_plan_id_organization_id_pk" PRIMARY KEY("plan_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "plan_workplaces" (
	"plan_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"organization_path" text NOT NULL,
	"counted_masses" integer NOT NULL,
	"all_masses" integer NOT NULL,
	"threshold" integer NOT NULL,
	"required" boolean NOT NULL,
	"correction_reason" text,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone,
	"status" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_workplaces_plan_id_workplace_id_pk" PRIMARY KEY("plan_id","workplace_id"),
	CONSTRAINT "plan_workplaces_status_known" CHECK ("plan_workplaces"."status" in ('exempt', 'pending', 'scheduled', 'held', 'minutes_signed', 'compiled', 'reported')),
	CONSTRAINT "plan_workplaces_exempt_matches" CHECK (("plan_workplaces"."status" = 'exempt') = (not "plan_workplaces"."required"))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"parent_plan_id" uuid,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"symbol" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"issued_on" date,
	"title" text NOT NULL,
	"preamble" text DEFAULT '' NOT NULL,
	"purposes" text DEFAULT '' NOT NULL,
	"subjects" text DEFAULT '' NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"time_rules" text DEFAULT '' NOT NULL,
	"place_rules" text DEFAULT '' NOT NULL,
	"content_areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"annual_theme" text DEFAULT '' NOT NULL,
	"manifestations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"methods" text DEFAULT '' NOT NULL,
	"implementation" text DEFAULT '' NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signing_capacity" text DEFAULT 'T/M BAN THƯỜNG VỤ' NOT NULL,
	"signer_title" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"meetings_due_on" date NOT NULL,
	"base_reports_due_on" date NOT NULL,
	"upward_report_due_on" date NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_status_known" CHECK ("plans"."status" in ('draft', 'published')),
	CONSTRAINT "plans_year_sane" CHECK ("plans"."year" between 2000 and 2200),
	CONSTRAINT "plans_deadlines_ordered" CHECK ("plans"."meetings_due_on" <= "plans"."base_reports_due_on" and "plans"."base_reports_due_on" <= "plans"."upward_report_due_on"),
	CONSTRAINT "plans_published_has_time" CHECK (("plans"."status" = 'published') = ("plans"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "concern_messages" ADD CONSTRAINT "concern_messages_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_messages" ADD CONSTRAINT "concern_messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_raised_by_organization_id_organizations_id_fk" FOREIGN KEY ("raised_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_raised_by_accounts_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deadline_changes" ADD CONSTRAINT "plan_deadline_changes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_deadline_changes" ADD CONSTRAINT "plan_deadline_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress" ADD CONSTRAINT "plan_progress_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress" ADD CONSTRAINT "plan_progress_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplaces" ADD CONSTRAINT "plan_workplaces_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplaces" ADD CONSTRAINT "plan_workplaces_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplaces" ADD CONSTRAINT "plan_workplaces_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplaces" ADD CONSTRAINT "plan_workplaces_corrected_by_accounts_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_parent_plan_id_plans_id_fk" FOREIGN KEY ("parent_plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_messages_concern_idx" ON "concern_messages" USING btree ("concern_id","created_at");--> statement-breakpoint
CREATE INDEX "concerns_plan_idx" ON "concerns" USING btree ("plan_id","status");--> statement-breakpoint
CREATE INDEX "concerns_raised_by_path_idx" ON "concerns" USING btree ("raised_by_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "plan_deadline_changes_plan_idx" ON "plan_deadline_changes" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_workplaces_organization_idx" ON "plan_workplaces" USING btree ("plan_id","organization_id");--> statement-breakpoint
CREATE INDEX "plans_organization_idx" ON "plans" USING btree ("organization_id","year");--> statement-breakpoint
CREATE INDEX "plans_parent_idx" ON "plans" USING btree ("parent_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_number_key" ON "plans" USING btree ("organization_id","year","number") WHERE "plans"."number" <> '';