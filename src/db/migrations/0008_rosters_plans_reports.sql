CREATE TABLE "employment_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"started_on" date,
	"left_on" date,
	"leaving_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_periods_ordered" CHECK ("employment_periods"."left_on" is null or "employment_periods"."started_on" is null or "employment_periods"."left_on" > "employment_periods"."started_on"),
	CONSTRAINT "employment_periods_reason_with_leaving" CHECK (("employment_periods"."left_on" is null) = (length("employment_periods"."leaving_reason") = 0))
);
--> statement-breakpoint
CREATE TABLE "plan_workplace_masses" (
	"plan_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"employment_type" text NOT NULL,
	"counted" boolean NOT NULL,
	CONSTRAINT "plan_workplace_masses_plan_id_workplace_id_person_id_pk" PRIMARY KEY("plan_id","workplace_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "report_reopenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"reason" text NOT NULL,
	"reopened_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submission" jsonb NOT NULL,
	CONSTRAINT "report_reopenings_sequence_key" UNIQUE("report_id","sequence"),
	CONSTRAINT "report_reopenings_reason_present" CHECK (length("report_reopenings"."reason") > 0)
);
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_workplace_code_key";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_status_known";--> statement-breakpoint
ALTER TABLE "plans" DROP CONSTRAINT "plans_published_has_time";--> statement-breakpoint
-- Issue 11: codes compare without case, diacritics or extra spaces: the database folds them itself
-- (the SQL twin of staffCodeKey in domain/people.ts).
ALTER TABLE "people" ADD COLUMN "code_key" text GENERATED ALWAYS AS (lower(translate(regexp_replace(btrim(code), '\s+', ' ', 'g'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ', 'abcdefghijklmnopqrstuvwxyzaaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy'))) STORED NOT NULL;--> statement-breakpoint
-- Codes that only differed by case or marks were already two rows: the later ones get a suffix
-- (recorded in the audit log) rather than the migration failing; the roster keeper fixes them.
WITH clashes AS (
  SELECT id, code, row_number() OVER (PARTITION BY workplace_id, code_key ORDER BY created_at, id) AS n
  FROM "people"
), renamed AS (
  UPDATE "people" p SET "code" = c.code || '-' || c.n
  FROM clashes c WHERE c.id = p.id AND c.n > 1
  RETURNING p.id, c.code AS old_code, p.code AS new_code, p.workplace_id
)
INSERT INTO "audit_entries" (action, target_type, target_id, organization_path, changes)
SELECT 'person.updated', 'person', r.id::text, o.path,
       jsonb_build_object('code', jsonb_build_object('from', r.old_code, 'to', r.new_code))
FROM renamed r JOIN "workplaces" w ON w.id = r.workplace_id JOIN "organizations" o ON o.id = w.organization_id;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "distinct_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "replaces_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "replacement_reason" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "replaced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "gaps" jsonb;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reopen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "employment_periods" ADD CONSTRAINT "employment_periods_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplace_masses" ADD CONSTRAINT "plan_workplace_masses_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplace_masses" ADD CONSTRAINT "plan_workplace_masses_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplace_masses" ADD CONSTRAINT "plan_workplace_masses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_workplace_masses" ADD CONSTRAINT "plan_workplace_masses_determination_fk" FOREIGN KEY ("plan_id","workplace_id") REFERENCES "public"."plan_workplaces"("plan_id","workplace_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reopenings" ADD CONSTRAINT "report_reopenings_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reopenings" ADD CONSTRAINT "report_reopenings_reopened_by_accounts_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employment_periods_person_idx" ON "employment_periods" USING btree ("person_id","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "employment_periods_one_open" ON "employment_periods" USING btree ("person_id") WHERE "employment_periods"."left_on" is null;--> statement-breakpoint
CREATE INDEX "plan_workplace_masses_person_idx" ON "plan_workplace_masses" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_replaces_plan_id_plans_id_fk" FOREIGN KEY ("replaces_plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "people_workplace_code_key" ON "people" USING btree ("workplace_id","code_key");--> statement-breakpoint
-- Namesakes born the same day (or both without a birth date) already at one workplace were entered
-- before this check existed: they are kept as confirmed different people.
UPDATE "people" p SET "distinct_confirmed" = true
FROM (
  SELECT id, row_number() OVER (PARTITION BY workplace_id, name_search, birth_date ORDER BY created_at, id) AS n
  FROM "people"
) d WHERE d.id = p.id AND d.n > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "people_workplace_identity_key" ON "people" USING btree ("workplace_id","name_search","birth_date") NULLS NOT DISTINCT WHERE not "people"."distinct_confirmed";--> statement-breakpoint
-- Two published plans of one issuer and year were possible before: the later ones are marked
-- replaced by nothing (status only) so the index can hold; their work stays where it is.
UPDATE "plans" p SET "status" = 'replaced', "replaced_at" = now()
FROM (
  SELECT id, row_number() OVER (PARTITION BY organization_id, year ORDER BY published_at, id) AS n
  FROM "plans" WHERE status = 'published'
) d WHERE d.id = p.id AND d.n > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_published_key" ON "plans" USING btree ("organization_id","year") WHERE "plans"."status" = 'published';--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_replacement_has_reason" CHECK (("plans"."replaces_plan_id" is null) = ("plans"."replacement_reason" is null));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_replaced_has_time" CHECK (("plans"."status" = 'replaced') = ("plans"."replaced_at" is not null));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_status_known" CHECK ("plans"."status" in ('draft', 'published', 'replaced'));--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_published_has_time" CHECK (("plans"."status" = 'draft') = ("plans"."published_at" is null));--> statement-breakpoint
-- Everyone already on a roster has worked there since before records began, and still does.
INSERT INTO "employment_periods" (person_id) SELECT id FROM "people";--> statement-breakpoint
-- Nobody is on a roster without a period: a new person starts with an open one (start unknown),
-- whoever inserts the row; the roster keeper sets its start.
CREATE FUNCTION open_first_employment_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO employment_periods (person_id) VALUES (NEW.id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_first_employment_period
  AFTER INSERT ON people
  FOR EACH ROW EXECUTE FUNCTION open_first_employment_period();
--> statement-breakpoint
-- A person's periods never overlap: [started_on, left_on) ranges, open ends unbounded.
CREATE FUNCTION refuse_overlapping_employment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM employment_periods other
    WHERE other.person_id = NEW.person_id AND other.id <> NEW.id
      AND daterange(other.started_on, other.left_on, '[)') && daterange(NEW.started_on, NEW.left_on, '[)')
  ) THEN
    RAISE EXCEPTION 'employment_overlap: periods of one person must not overlap' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER employment_periods_no_overlap
  BEFORE INSERT OR UPDATE ON employment_periods
  FOR EACH ROW EXECUTE FUNCTION refuse_overlapping_employment();
--> statement-breakpoint
-- Issue 11: a submitted report stays frozen, except that the receiving level may reopen it: the
-- update that returns it to draft must count one more reopening, whose row (with the submission
-- as it stood) is already written.
CREATE OR REPLACE FUNCTION refuse_submitted_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' THEN
    IF TG_OP = 'UPDATE' AND NEW.status = 'draft' AND NEW.reopen_count = OLD.reopen_count + 1
       AND EXISTS (SELECT 1 FROM report_reopenings WHERE report_id = OLD.id AND sequence = NEW.reopen_count) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'report_submitted: % on a submitted report is not allowed', TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_reopenings_append_only
  BEFORE UPDATE OR DELETE ON report_reopenings
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_reopenings_no_truncate
  BEFORE TRUNCATE ON report_reopenings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_workplace_masses_append_only
  BEFORE UPDATE OR DELETE ON plan_workplace_masses
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
