ALTER TABLE "accounts" ADD COLUMN "email" text;
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_email_sane" CHECK ("accounts"."email" is null or ("accounts"."email" ~ '^[^@\s]+@[^@\s]+$' and length("accounts"."email") <= 254));
--> statement-breakpoint
CREATE TABLE "reminder_digests" (
	"account_id" uuid NOT NULL,
	"sent_on" date NOT NULL,
	"task_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_digests_account_id_sent_on_pk" PRIMARY KEY("account_id","sent_on")
);
--> statement-breakpoint
ALTER TABLE "reminder_digests" ADD CONSTRAINT "reminder_digests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;
