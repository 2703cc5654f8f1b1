CREATE INDEX "audit_entries_account_at_idx" ON "audit_entries" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "audit_entries_action_at_idx" ON "audit_entries" USING btree ("action" text_pattern_ops,"at");
