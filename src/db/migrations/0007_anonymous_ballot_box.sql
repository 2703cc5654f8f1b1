CREATE TABLE "code_attempt_failures" (
	"scope" text NOT NULL,
	"address_key" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL,
	CONSTRAINT "code_attempt_failures_scope_address_key_bucket_start_pk" PRIMARY KEY("scope","address_key","bucket_start"),
	CONSTRAINT "code_attempt_failures_scope_known" CHECK ("code_attempt_failures"."scope" in ('phone', 'supervise')),
	CONSTRAINT "code_attempt_failures_positive" CHECK ("code_attempt_failures"."failures" > 0)
);
--> statement-breakpoint
CREATE TABLE "feedback_ballots" (
	"meeting_id" uuid NOT NULL,
	"self_criticism_id" uuid NOT NULL,
	"submitted_on" date NOT NULL,
	"opinions" jsonb NOT NULL,
	CONSTRAINT "feedback_ballots_opinions_listed" CHECK (jsonb_typeof("feedback_ballots"."opinions") = 'array')
);
--> statement-breakpoint
CREATE TABLE "remediation_comment_box" (
	"item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_on" date NOT NULL,
	CONSTRAINT "remediation_comment_box_text_present" CHECK (length("remediation_comment_box"."text") > 0)
);
--> statement-breakpoint
ALTER TABLE "feedback_code_uses" DROP CONSTRAINT "feedback_code_uses_code_id_feedback_codes_id_fk";
--> statement-breakpoint
ALTER TABLE "feedback_code_uses" DROP CONSTRAINT "feedback_code_uses_self_criticism_id_self_criticisms_id_fk";
--> statement-breakpoint
CREATE INDEX "code_attempt_failures_bucket_idx" ON "code_attempt_failures" USING btree ("bucket_start");--> statement-breakpoint
CREATE INDEX "feedback_ballots_meeting_idx" ON "feedback_ballots" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "remediation_comment_box_day_idx" ON "remediation_comment_box" USING btree ("created_on");--> statement-breakpoint
-- S6: the windows whose set end may pass without the committee closing them: the release of their
-- forms looks them up here (one indexed look-up when there is none).
CREATE INDEX "meetings_form_window_due_idx" ON "meetings" USING btree ("form_window_ends_at")
  WHERE "form_window_opened_at" IS NOT NULL AND "form_window_closed_at" IS NULL;
--> statement-breakpoint
-- S6: use markers of windows that are already closed only link codes to members; they go.
DELETE FROM "feedback_code_uses" u USING "feedback_codes" c, "meetings" m
WHERE c."id" = u."code_id" AND m."id" = c."meeting_id"
  AND (m."form_window_closed_at" IS NOT NULL OR m."form_window_ends_at" <= now());
