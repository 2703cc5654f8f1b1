CREATE SEQUENCE "public"."feedback_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"self_criticism_id" uuid,
	"form_id" uuid,
	"channel" text NOT NULL,
	"area" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"dissenting" boolean DEFAULT false NOT NULL,
	"speaker_name" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"change_seq" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "feedback_channel_known" CHECK ("feedback"."channel" in ('oral', 'paper', 'online', 'phone')),
	CONSTRAINT "feedback_area_known" CHECK ("feedback"."area" in ('politicalIdeology', 'ethicsLifestyle', 'duties', 'discipline', 'remedying', 'proposals')),
	CONSTRAINT "feedback_kind_known" CHECK ("feedback"."kind" in ('strength', 'shortcoming', 'proposal')),
	CONSTRAINT "feedback_proposal_area" CHECK (("feedback"."area" = 'proposals') = ("feedback"."kind" = 'proposal')),
	CONSTRAINT "feedback_text_present" CHECK (length("feedback"."text") > 0),
	CONSTRAINT "feedback_written_has_form" CHECK (("feedback"."channel" = 'oral') = ("feedback"."form_id" is null)),
	CONSTRAINT "feedback_phone_unlinkable" CHECK ("feedback"."channel" <> 'phone' or ("feedback"."speaker_name" is null and "feedback"."recorded_by" is null and "feedback"."recorded_at" is null and "feedback"."updated_at" is null and "feedback"."change_seq" is null)),
	CONSTRAINT "feedback_recorded_has_time" CHECK ("feedback"."channel" = 'phone' or ("feedback"."recorded_at" is not null and "feedback"."change_seq" is not null))
);
--> statement-breakpoint
CREATE TABLE "feedback_code_uses" (
	"code_id" uuid NOT NULL,
	"self_criticism_id" uuid NOT NULL,
	CONSTRAINT "feedback_code_uses_code_id_self_criticism_id_pk" PRIMARY KEY("code_id","self_criticism_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "feedback_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"self_criticism_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"author_name" text,
	"author_account_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone,
	"submitted_on" date NOT NULL,
	CONSTRAINT "feedback_forms_channel_known" CHECK ("feedback_forms"."channel" in ('paper', 'online', 'phone')),
	CONSTRAINT "feedback_forms_phone_unlinkable" CHECK ("feedback_forms"."channel" <> 'phone' or ("feedback_forms"."author_name" is null and "feedback_forms"."author_account_id" is null and "feedback_forms"."recorded_by" is null and "feedback_forms"."recorded_at" is null)),
	CONSTRAINT "feedback_forms_online_named" CHECK ("feedback_forms"."channel" <> 'online' or ("feedback_forms"."author_account_id" is not null and "feedback_forms"."recorded_at" is not null)),
	CONSTRAINT "feedback_forms_paper_recorded" CHECK ("feedback_forms"."channel" <> 'paper' or ("feedback_forms"."recorded_by" is not null and "feedback_forms"."recorded_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"self_criticism_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"absence_reason" text,
	"absence_reason_valid" boolean,
	"told_at" timestamp with time zone,
	"told_by" uuid,
	"told_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_self_criticism_id_pk" PRIMARY KEY("meeting_id","self_criticism_id"),
	CONSTRAINT "meeting_attendance_absent_has_reason" CHECK ("meeting_attendance"."present" or (length(coalesce("meeting_attendance"."absence_reason", '')) > 0 and "meeting_attendance"."absence_reason_valid" is not null)),
	CONSTRAINT "meeting_attendance_present_no_reason" CHECK (not "meeting_attendance"."present" or ("meeting_attendance"."absence_reason" is null and "meeting_attendance"."absence_reason_valid" is null)),
	CONSTRAINT "meeting_attendance_told_only_absent" CHECK (not "meeting_attendance"."present" or "meeting_attendance"."told_at" is null)
);
--> statement-breakpoint
CREATE TABLE "meeting_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"self_criticism_id" uuid,
	"text" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_responses_target_key" UNIQUE NULLS NOT DISTINCT("meeting_id","self_criticism_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"chair_name" text NOT NULL,
	"chair_account_id" uuid,
	"secretary_account_id" uuid NOT NULL,
	"delegates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"masses_present" integer DEFAULT 0 NOT NULL,
	"masses_present_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda_step" text DEFAULT 'not_started' NOT NULL,
	"agenda_self_criticism_id" uuid,
	"held_at" timestamp with time zone,
	"form_window_opened_at" timestamp with time zone,
	"form_window_ends_at" timestamp with time zone,
	"form_window_closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_plan_workplace_key" UNIQUE("plan_id","workplace_id"),
	CONSTRAINT "meetings_span_positive" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_at_most_one_day" CHECK ("meetings"."ends_at" - "meetings"."starts_at" <= interval '1 day'),
	CONSTRAINT "meetings_masses_present_sane" CHECK ("meetings"."masses_present" between 0 and 100000),
	CONSTRAINT "meetings_agenda_step_known" CHECK ("meetings"."agenda_step" in ('not_started', 'opening', 'content', 'closing', 'done')),
	CONSTRAINT "meetings_window_ordered" CHECK ("meetings"."form_window_opened_at" is not null or ("meetings"."form_window_ends_at" is null and "meetings"."form_window_closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"draft" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locked_content" jsonb,
	"content_hash" text,
	"locked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "minutes_meeting_id_unique" UNIQUE("meeting_id"),
	CONSTRAINT "minutes_lock_complete" CHECK (("minutes"."locked_at" is null) = ("minutes"."content_hash" is null) and ("minutes"."locked_at" is null) = ("minutes"."locked_content" is null))
);
--> statement-breakpoint
CREATE TABLE "minutes_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"minutes_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"minutes_id" uuid NOT NULL,
	"capacity" text NOT NULL,
	"signer_name" text NOT NULL,
	"method" text NOT NULL,
	"account_id" uuid,
	"scan_file_id" uuid,
	"signed_content_hash" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "minutes_signatures_capacity_key" UNIQUE("minutes_id","capacity"),
	CONSTRAINT "minutes_signatures_capacity_known" CHECK ("minutes_signatures"."capacity" in ('chair', 'secretary', 'masses_representative')),
	CONSTRAINT "minutes_signatures_method_known" CHECK ("minutes_signatures"."method" in ('account', 'paper')),
	CONSTRAINT "minutes_signatures_method_evidence" CHECK (("minutes_signatures"."method" = 'account' and "minutes_signatures"."account_id" is not null) or ("minutes_signatures"."method" = 'paper' and "minutes_signatures"."scan_file_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"original_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_form_id_feedback_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."feedback_forms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_code_uses" ADD CONSTRAINT "feedback_code_uses_code_id_feedback_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."feedback_codes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_code_uses" ADD CONSTRAINT "feedback_code_uses_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_codes" ADD CONSTRAINT "feedback_codes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_codes" ADD CONSTRAINT "feedback_codes_issued_by_accounts_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_forms" ADD CONSTRAINT "feedback_forms_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_forms" ADD CONSTRAINT "feedback_forms_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_forms" ADD CONSTRAINT "feedback_forms_author_account_id_accounts_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_forms" ADD CONSTRAINT "feedback_forms_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_told_by_accounts_id_fk" FOREIGN KEY ("told_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_responses" ADD CONSTRAINT "meeting_responses_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_responses" ADD CONSTRAINT "meeting_responses_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_responses" ADD CONSTRAINT "meeting_responses_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_account_id_accounts_id_fk" FOREIGN KEY ("chair_account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_secretary_account_id_accounts_id_fk" FOREIGN KEY ("secretary_account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_agenda_self_criticism_id_self_criticisms_id_fk" FOREIGN KEY ("agenda_self_criticism_id") REFERENCES "public"."self_criticisms"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_addenda" ADD CONSTRAINT "minutes_addenda_minutes_id_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."minutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_addenda" ADD CONSTRAINT "minutes_addenda_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_minutes_id_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."minutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_scan_file_id_stored_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_signatures" ADD CONSTRAINT "minutes_signatures_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_meeting_idx" ON "feedback" USING btree ("meeting_id","self_criticism_id");--> statement-breakpoint
CREATE INDEX "feedback_change_idx" ON "feedback" USING btree ("meeting_id","change_seq");--> statement-breakpoint
CREATE INDEX "feedback_form_idx" ON "feedback" USING btree ("form_id");--> statement-breakpoint
CREATE INDEX "feedback_codes_meeting_idx" ON "feedback_codes" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "feedback_forms_meeting_idx" ON "feedback_forms" USING btree ("meeting_id","self_criticism_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_person_idx" ON "meeting_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meetings_organization_idx" ON "meetings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "meetings_secretary_idx" ON "meetings" USING btree ("secretary_account_id");--> statement-breakpoint
CREATE INDEX "minutes_addenda_minutes_idx" ON "minutes_addenda" USING btree ("minutes_id");--> statement-breakpoint
-- R4: once the chair, the secretary and a masses representative have signed, the minutes and the
-- opinions they contain are frozen by the database itself, not only by the API.
CREATE FUNCTION meeting_minutes_locked(target_meeting uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM minutes WHERE meeting_id = target_meeting AND locked_at IS NOT NULL)
$$;
--> statement-breakpoint
CREATE FUNCTION refuse_locked_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    RETURN NEW;
  END IF;
  IF OLD.locked_at IS NOT NULL THEN
    RAISE EXCEPTION 'minutes_locked: % on locked minutes is not allowed', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER minutes_locked_guard
  BEFORE UPDATE OR DELETE ON minutes
  FOR EACH ROW EXECUTE FUNCTION refuse_locked_minutes();
--> statement-breakpoint
-- Rows that belong to a meeting whose minutes are locked: no insert, update or delete. A phone
-- form may still arrive while the committee keeps the window open after the meeting; it is not
-- part of the signed minutes (their frozen content is in minutes.locked_content).
CREATE FUNCTION refuse_change_after_minutes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target_meeting uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    target_meeting := OLD.meeting_id;
  ELSE
    target_meeting := NEW.meeting_id;
  END IF;
  -- Nested IFs: a record's field may only be read on the tables that have it.
  IF TG_OP = 'INSERT' AND TG_TABLE_NAME IN ('feedback', 'feedback_forms') THEN
    IF NEW.channel = 'phone' THEN
      RETURN NEW;
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'meeting_attendance' THEN
    -- Telling an absent member the feedback about them happens after the meeting.
    IF (OLD.meeting_id, OLD.self_criticism_id, OLD.person_id, OLD.present, OLD.absence_reason, OLD.absence_reason_valid)
       IS NOT DISTINCT FROM (NEW.meeting_id, NEW.self_criticism_id, NEW.person_id, NEW.present, NEW.absence_reason, NEW.absence_reason_valid) THEN
      RETURN NEW;
    END IF;
  END IF;
  IF meeting_minutes_locked(target_meeting)
     OR (TG_OP = 'UPDATE' AND meeting_minutes_locked(OLD.meeting_id)) THEN
    RAISE EXCEPTION 'minutes_locked: % on % of a meeting with signed minutes is not allowed', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER feedback_locked_guard
  BEFORE INSERT OR UPDATE OR DELETE ON feedback
  FOR EACH ROW EXECUTE FUNCTION refuse_change_after_minutes_locked();
--> statement-breakpoint
CREATE TRIGGER feedback_forms_locked_guard
  BEFORE INSERT OR UPDATE OR DELETE ON feedback_forms
  FOR EACH ROW EXECUTE FUNCTION refuse_change_after_minutes_locked();
--> statement-breakpoint
CREATE TRIGGER meeting_responses_locked_guard
  BEFORE INSERT OR UPDATE OR DELETE ON meeting_responses
  FOR EACH ROW EXECUTE FUNCTION refuse_change_after_minutes_locked();
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_locked_guard
  BEFORE INSERT OR UPDATE OR DELETE ON meeting_attendance
  FOR EACH ROW EXECUTE FUNCTION refuse_change_after_minutes_locked();
--> statement-breakpoint
-- The meeting's own record (time, place, people, counts) is part of the signed minutes; the agenda
-- position and the phone-form window may still move.
CREATE FUNCTION refuse_meeting_change_after_minutes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF meeting_minutes_locked(OLD.id) THEN
      RAISE EXCEPTION 'minutes_locked: DELETE on meetings with signed minutes is not allowed' USING ERRCODE = 'P0001';
    END IF;
    RETURN OLD;
  END IF;
  IF meeting_minutes_locked(OLD.id)
     AND (OLD.plan_id, OLD.workplace_id, OLD.organization_id, OLD.starts_at, OLD.ends_at, OLD.place, OLD.chair_name,
          OLD.chair_account_id, OLD.secretary_account_id, OLD.delegates, OLD.masses_present, OLD.masses_present_names)
         IS DISTINCT FROM
         (NEW.plan_id, NEW.workplace_id, NEW.organization_id, NEW.starts_at, NEW.ends_at, NEW.place, NEW.chair_name,
          NEW.chair_account_id, NEW.secretary_account_id, NEW.delegates, NEW.masses_present, NEW.masses_present_names) THEN
    RAISE EXCEPTION 'minutes_locked: UPDATE on meetings with signed minutes is not allowed' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_locked_guard
  BEFORE UPDATE OR DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION refuse_meeting_change_after_minutes_locked();
--> statement-breakpoint
CREATE FUNCTION refuse_signature_change_after_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM minutes WHERE id = OLD.minutes_id AND locked_at IS NOT NULL) THEN
    RAISE EXCEPTION 'minutes_locked: % on signatures of locked minutes is not allowed', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER minutes_signatures_locked_guard
  BEFORE UPDATE OR DELETE ON minutes_signatures
  FOR EACH ROW EXECUTE FUNCTION refuse_signature_change_after_lock();
--> statement-breakpoint
CREATE TRIGGER minutes_addenda_append_only
  BEFORE UPDATE OR DELETE ON minutes_addenda
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER minutes_no_truncate
  BEFORE TRUNCATE ON minutes
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER minutes_addenda_no_truncate
  BEFORE TRUNCATE ON minutes_addenda
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
