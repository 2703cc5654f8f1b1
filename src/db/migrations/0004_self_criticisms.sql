CREATE TABLE "self_criticism_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"self_criticism_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_criticism_versions_key" UNIQUE("self_criticism_id","version")
);
--> statement-breakpoint
CREATE TABLE "self_criticisms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"cell_id" uuid NOT NULL,
	"template" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date,
	"party_office" text DEFAULT '' NOT NULL,
	"government_office" text DEFAULT '' NOT NULL,
	"workplace_name" text NOT NULL,
	"cell_name" text NOT NULL,
	"assigned_duty" text DEFAULT '' NOT NULL,
	"content" jsonb DEFAULT '{"politicalIdeology":"","ethicsLifestyle":"","duties":"","discipline":"","remedying":"","shortcomings":"","remedies":""}'::jsonb NOT NULL,
	"carried_over" text DEFAULT '' NOT NULL,
	"manifestation_answer" jsonb DEFAULT '{"none":false,"items":[]}'::jsonb NOT NULL,
	"committee_comment" text DEFAULT '' NOT NULL,
	"summary" jsonb DEFAULT '{"duties":"","strengths":"","shortcomings":""}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_criticisms_plan_person_key" UNIQUE("plan_id","person_id"),
	CONSTRAINT "self_criticisms_template_known" CHECK ("self_criticisms"."template" in ('with_office', 'without_office')),
	CONSTRAINT "self_criticisms_status_known" CHECK ("self_criticisms"."status" in ('draft', 'submitted', 'returned', 'accepted')),
	CONSTRAINT "self_criticisms_returned_has_reason" CHECK ("self_criticisms"."status" <> 'returned' or length(coalesce("self_criticisms"."return_reason", '')) > 0),
	CONSTRAINT "self_criticisms_submitted_has_time" CHECK ("self_criticisms"."status" not in ('submitted', 'accepted') or "self_criticisms"."submitted_at" is not null),
	CONSTRAINT "self_criticisms_accepted_has_time" CHECK (("self_criticisms"."status" = 'accepted') = ("self_criticisms"."accepted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "self_criticism_versions" ADD CONSTRAINT "self_criticism_versions_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_criticism_versions" ADD CONSTRAINT "self_criticism_versions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_criticisms" ADD CONSTRAINT "self_criticisms_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_criticisms" ADD CONSTRAINT "self_criticisms_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_criticisms" ADD CONSTRAINT "self_criticisms_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_criticisms" ADD CONSTRAINT "self_criticisms_cell_id_organizations_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_criticism_versions_at_idx" ON "self_criticism_versions" USING btree ("self_criticism_id","created_at");--> statement-breakpoint
CREATE INDEX "self_criticisms_workplace_idx" ON "self_criticisms" USING btree ("plan_id","workplace_id");--> statement-breakpoint
CREATE INDEX "self_criticisms_cell_idx" ON "self_criticisms" USING btree ("cell_id");--> statement-breakpoint
CREATE INDEX "self_criticisms_person_idx" ON "self_criticisms" USING btree ("person_id");--> statement-breakpoint
-- Kept versions of a self-criticism are append-only like the audit log (refuse_change from 0001).
CREATE TRIGGER self_criticism_versions_append_only
  BEFORE UPDATE OR DELETE ON self_criticism_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER self_criticism_versions_no_truncate
  BEFORE TRUNCATE ON self_criticism_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
