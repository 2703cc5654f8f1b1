-- P8: finding a person by any part of the name, diacritics ignored, is `name_search like '%…%'`
-- on the folded name; a trigram index serves it (pg_trgm ships with PostgreSQL and with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_name_search_trgm_idx" ON "people" USING gin ("name_search" gin_trgm_ops);
