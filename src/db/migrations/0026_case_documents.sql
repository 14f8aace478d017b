-- Issue 8, the documents of a case: files staff attach to it (working papers, signed letters, photos
-- taken on site). Staff-only; never shown to the business. Kept for the record: no removal.
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_kind_check";
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_kind_check" CHECK (kind in ('opened', 'status_changed', 'assigned', 'note_added', 'information_requested', 'finding_recorded', 'remediation_action_added', 'information_answered', 'remediation_marked_done', 'remediation_verified', 'remediation_rejected', 'visit_recorded', 'finding_escalated', 'draft_report_sent', 'entity_response_received', 'final_report_issued', 'enforcement_case_opened', 'enforcement_measure_recorded', 'document_added'));
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"title" text NOT NULL,
	"file_key" text NOT NULL,
	"display_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL REFERENCES "users"("id"),
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id","uploaded_at");
