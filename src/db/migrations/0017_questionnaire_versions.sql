-- Imported questionnaire versions (issue 7). Built-in versions (v1) live in the code; these rows are
-- uploaded by an admin as JSON, checked, kept as a draft, then published. A published row is frozen:
-- the trigger refuses to update or delete it (cycles and submissions refer to it for years).
CREATE TABLE "questionnaire_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"definition" jsonb NOT NULL,
	"messages" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "questionnaire_versions_status_check" CHECK ("status" in ('draft', 'published')),
	CONSTRAINT "questionnaire_versions_version_check" CHECK ("version" >= 1),
	CONSTRAINT "questionnaire_versions_published_check" CHECK (("status" = 'published') = ("published_at" is not null)),
	CONSTRAINT "questionnaire_versions_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION questionnaire_versions_refuse_published_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'questionnaire version % is published and cannot change', OLD.version USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER questionnaire_versions_published_frozen BEFORE UPDATE OR DELETE ON "questionnaire_versions"
  FOR EACH ROW EXECUTE FUNCTION questionnaire_versions_refuse_published_change();
