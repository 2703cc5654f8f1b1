ALTER TABLE "compilations" ADD COLUMN "number" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Issue 12: a party document's header is built from each level's kind and name; the record's own
-- lines are only a variant. The organization form used to copy the parent's issuing body
-- (`ĐẢNG ỦY SỞ Y TẾ`) into a new child's first line, where Hướng dẫn 36 wants the parent's party
-- organization (`ĐẢNG BỘ SỞ Y TẾ`): such copies are cleared so the built line is printed.
UPDATE "organizations" AS child
SET "header_superior" = ''
FROM "organizations" AS parent
WHERE parent."id" = child."parent_id"
  AND child."header_superior" <> ''
  AND child."header_superior" = parent."header_issuer";
