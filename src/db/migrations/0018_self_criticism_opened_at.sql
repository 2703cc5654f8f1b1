-- Issue 15: a draft is "Chưa mở" until its owner first opens it (not until the first save).
-- opened_at is set the first time the member reads their own report; reports already saved count
-- as opened at their last save.
ALTER TABLE "self_criticisms" ADD COLUMN IF NOT EXISTS "opened_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "self_criticisms" SET "opened_at" = "updated_at"
  WHERE "opened_at" IS NULL AND NOT ("status" = 'draft' AND "version" = 1);
