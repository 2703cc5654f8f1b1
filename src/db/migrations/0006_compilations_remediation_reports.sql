CREATE TABLE "compilation_point_opinions" (
	"feedback_id" uuid PRIMARY KEY NOT NULL,
	"point_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compilation_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compilation_id" uuid NOT NULL,
	"self_criticism_id" uuid,
	"area" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"dissenting" boolean DEFAULT false NOT NULL,
	"responsibility" text,
	"responsible_self_criticism_id" uuid,
	"conclusion" text,
	"explanation" text,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compilation_points_area_known" CHECK ("compilation_points"."area" in ('politicalIdeology', 'ethicsLifestyle', 'duties', 'discipline', 'remedying', 'proposals')),
	CONSTRAINT "compilation_points_kind_known" CHECK ("compilation_points"."kind" in ('strength', 'shortcoming', 'proposal')),
	CONSTRAINT "compilation_points_text_present" CHECK (length("compilation_points"."text") > 0),
	CONSTRAINT "compilation_points_responsibility_known" CHECK ("compilation_points"."responsibility" is null or "compilation_points"."responsibility" in ('collective', 'individual')),
	CONSTRAINT "compilation_points_individual_names_whom" CHECK (("compilation_points"."responsibility" = 'individual') = ("compilation_points"."responsible_self_criticism_id" is not null)),
	CONSTRAINT "compilation_points_conclusion_known" CHECK ("compilation_points"."conclusion" is null or "compilation_points"."conclusion" in ('accepted', 'explained')),
	CONSTRAINT "compilation_points_explained_has_reason" CHECK ("compilation_points"."conclusion" is distinct from 'explained' or length(coalesce("compilation_points"."explanation", '')) > 0)
);
--> statement-breakpoint
CREATE TABLE "compilations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"finalized_at" timestamp with time zone,
	"finalized_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compilations_meeting_id_unique" UNIQUE("meeting_id"),
	CONSTRAINT "compilations_status_known" CHECK ("compilations"."status" in ('draft', 'final')),
	CONSTRAINT "compilations_final_has_time" CHECK (("compilations"."status" = 'final') = ("compilations"."finalized_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "remediation_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_account_id" uuid,
	"author_name" text,
	"created_on" date NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "remediation_comments_text_present" CHECK (length("remediation_comments"."text") > 0),
	CONSTRAINT "remediation_comments_named_or_not" CHECK (("remediation_comments"."author_account_id" is null) = ("remediation_comments"."author_name" is null)),
	CONSTRAINT "remediation_comments_answer_complete" CHECK (("remediation_comments"."answer" is null) = ("remediation_comments"."answered_at" is null) and ("remediation_comments"."answer" is null) = ("remediation_comments"."answered_by" is null))
);
--> statement-breakpoint
CREATE TABLE "remediation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"compilation_id" uuid NOT NULL,
	"point_id" uuid,
	"action" text NOT NULL,
	"responsible_kind" text NOT NULL,
	"responsible_organization_id" uuid,
	"responsible_self_criticism_id" uuid,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remediation_items_action_present" CHECK (length("remediation_items"."action") > 0),
	CONSTRAINT "remediation_items_status_known" CHECK ("remediation_items"."status" in ('open', 'in_progress', 'done')),
	CONSTRAINT "remediation_items_done_has_time" CHECK (("remediation_items"."status" = 'done') = ("remediation_items"."done_at" is not null)),
	CONSTRAINT "remediation_items_responsible" CHECK (("remediation_items"."responsible_kind" = 'organization' and "remediation_items"."responsible_organization_id" is not null and "remediation_items"."responsible_self_criticism_id" is null)
        or ("remediation_items"."responsible_kind" = 'member' and "remediation_items"."responsible_self_criticism_id" is not null and "remediation_items"."responsible_organization_id" is null))
);
--> statement-breakpoint
CREATE TABLE "remediation_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"evidence_file_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remediation_notes_status_known" CHECK ("remediation_notes"."status" in ('open', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"recipient_organization_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"narrative" jsonb DEFAULT '{"results":"","strengths":"","limits":"","proposals":""}'::jsonb NOT NULL,
	"figures" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_on" date,
	"submitted_by" uuid,
	"timeliness" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_plan_organization_key" UNIQUE("plan_id","organization_id"),
	CONSTRAINT "reports_status_known" CHECK ("reports"."status" in ('draft', 'submitted')),
	CONSTRAINT "reports_submitted_complete" CHECK (("reports"."status" = 'submitted') = ("reports"."submitted_at" is not null and "reports"."submitted_on" is not null and "reports"."figures" is not null and "reports"."timeliness" is not null)),
	CONSTRAINT "reports_timeliness_known" CHECK ("reports"."timeliness" is null or "reports"."timeliness" in ('on_time', 'late'))
);
--> statement-breakpoint
ALTER TABLE "compilation_point_opinions" ADD CONSTRAINT "compilation_point_opinions_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compilation_point_opinions" ADD CONSTRAINT "compilation_point_opinions_point_id_compilation_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."compilation_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compilation_points" ADD CONSTRAINT "compilation_points_compilation_id_compilations_id_fk" FOREIGN KEY ("compilation_id") REFERENCES "public"."compilations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compilation_points" ADD CONSTRAINT "compilation_points_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compilation_points" ADD CONSTRAINT "compilation_points_responsible_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("responsible_self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compilations" ADD CONSTRAINT "compilations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compilations" ADD CONSTRAINT "compilations_finalized_by_accounts_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_comments" ADD CONSTRAINT "remediation_comments_item_id_remediation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."remediation_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_comments" ADD CONSTRAINT "remediation_comments_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_comments" ADD CONSTRAINT "remediation_comments_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_items" ADD CONSTRAINT "remediation_items_compilation_id_compilations_id_fk" FOREIGN KEY ("compilation_id") REFERENCES "public"."compilations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_items" ADD CONSTRAINT "remediation_items_point_id_compilation_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."compilation_points"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_items" ADD CONSTRAINT "remediation_items_responsible_organization_id_organizations_id_fk" FOREIGN KEY ("responsible_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_items" ADD CONSTRAINT "remediation_items_responsible_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("responsible_self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_items" ADD CONSTRAINT "remediation_items_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_notes" ADD CONSTRAINT "remediation_notes_item_id_remediation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."remediation_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_notes" ADD CONSTRAINT "remediation_notes_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_notes" ADD CONSTRAINT "remediation_notes_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_recipient_organization_id_organizations_id_fk" FOREIGN KEY ("recipient_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compilation_point_opinions_point_idx" ON "compilation_point_opinions" USING btree ("point_id");--> statement-breakpoint
CREATE INDEX "compilation_points_compilation_idx" ON "compilation_points" USING btree ("compilation_id","position");--> statement-breakpoint
CREATE INDEX "compilation_points_responsible_idx" ON "compilation_points" USING btree ("responsible_self_criticism_id");--> statement-breakpoint
CREATE INDEX "remediation_comments_item_idx" ON "remediation_comments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "remediation_items_compilation_idx" ON "remediation_items" USING btree ("compilation_id");--> statement-breakpoint
CREATE INDEX "remediation_items_member_idx" ON "remediation_items" USING btree ("responsible_self_criticism_id");--> statement-breakpoint
CREATE INDEX "remediation_notes_item_idx" ON "remediation_notes" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_recipient_idx" ON "reports" USING btree ("plan_id","recipient_organization_id");--> statement-breakpoint
-- Issue 6: a submitted report is frozen by the database itself.
CREATE FUNCTION refuse_submitted_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'report_submitted: % on a submitted report is not allowed', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_submitted_frozen
  BEFORE UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION refuse_submitted_report_change();
--> statement-breakpoint
CREATE TRIGGER reports_no_truncate
  BEFORE TRUNCATE ON reports
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- Progress notes on a remediation item are a dated history: append-only.
CREATE TRIGGER remediation_notes_append_only
  BEFORE UPDATE OR DELETE ON remediation_notes
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
