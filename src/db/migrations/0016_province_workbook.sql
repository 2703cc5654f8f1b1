ALTER TABLE "organizations" ADD COLUMN "code" text;
--> statement-breakpoint
ALTER TABLE "workplaces" ADD COLUMN "code" text;
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "party_card_number" text;
--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations" USING btree (lower("code")) WHERE "code" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "workplaces_code_key" ON "workplaces" USING btree (lower("code")) WHERE "code" IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "people_party_card_key" ON "people" USING btree ("party_card_number") WHERE "party_card_number" IS NOT NULL AND "erased_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_code_present" CHECK ("code" IS NULL OR length("code") > 0);
--> statement-breakpoint
ALTER TABLE "workplaces" ADD CONSTRAINT "workplaces_code_present" CHECK ("code" IS NULL OR length("code") > 0);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_party_card_only_members" CHECK ("party_card_number" IS NULL OR "is_party_member");
