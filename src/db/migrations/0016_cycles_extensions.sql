ALTER TABLE "assessment_cycles" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_cycles" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessment_cycles" ADD CONSTRAINT "assessment_cycles_status_check" CHECK (status in ('open', 'closed'));--> statement-breakpoint
CREATE TABLE "deadline_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_deadline" timestamp with time zone,
	"request_reason" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone,
	"granted_deadline" timestamp with time zone,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_extensions_status_check" CHECK (status in ('requested', 'granted', 'refused')),
	CONSTRAINT "deadline_extensions_granted_check" CHECK (status <> 'granted' OR granted_deadline IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_cycle_id_assessment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_entity_id_reporting_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."reporting_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_extensions_entity_cycle_idx" ON "deadline_extensions" USING btree ("entity_id","cycle_id","created_at");--> statement-breakpoint
CREATE INDEX "deadline_extensions_cycle_status_idx" ON "deadline_extensions" USING btree ("cycle_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_extensions_one_pending_unique" ON "deadline_extensions" USING btree ("entity_id","cycle_id") WHERE "deadline_extensions"."status" = 'requested';
