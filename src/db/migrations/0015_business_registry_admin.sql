-- Business registry admin (issue 7): ceased date and merge pointer on reporting_entities, and
-- registry import batches (the dry-run result kept server-side so "apply" applies what was previewed).
ALTER TABLE "reporting_entities" ADD COLUMN "ceased_on" date;--> statement-breakpoint
ALTER TABLE "reporting_entities" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "reporting_entities" ADD CONSTRAINT "reporting_entities_merged_into_id_reporting_entities_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."reporting_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_entities" ADD CONSTRAINT "reporting_entities_ceased_check" CHECK (ceased_on is null or status = 'inactive');--> statement-breakpoint
ALTER TABLE "reporting_entities" ADD CONSTRAINT "reporting_entities_merged_check" CHECK (merged_into_id is null or (status = 'inactive' and merged_into_id <> id));--> statement-breakpoint
CREATE INDEX "reporting_entities_name_en_lower_idx" ON "reporting_entities" USING btree (lower("name_en"));--> statement-breakpoint
CREATE TABLE "registry_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"file_name" text NOT NULL,
	"file_kind" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"plan" jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" uuid,
	CONSTRAINT "registry_import_batches_file_kind_check" CHECK (file_kind in ('csv', 'xlsx')),
	CONSTRAINT "registry_import_batches_status_check" CHECK (status in ('previewed', 'applied'))
);
--> statement-breakpoint
ALTER TABLE "registry_import_batches" ADD CONSTRAINT "registry_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_import_batches" ADD CONSTRAINT "registry_import_batches_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_import_batches_created_idx" ON "registry_import_batches" USING btree ("created_by", "created_at");
