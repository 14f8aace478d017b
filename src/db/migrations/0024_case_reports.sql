-- Issue 8, case reports (draft report → the business's response → final report) and the event
-- kinds of the escalation runner and enforcement cases (0025).
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_kind_check";
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_kind_check" CHECK (kind in ('opened', 'status_changed', 'assigned', 'note_added', 'information_requested', 'finding_recorded', 'remediation_action_added', 'information_answered', 'remediation_marked_done', 'remediation_verified', 'remediation_rejected', 'visit_recorded', 'finding_escalated', 'draft_report_sent', 'entity_response_received', 'final_report_issued', 'enforcement_case_opened', 'enforcement_measure_recorded'));
--> statement-breakpoint
CREATE TABLE "case_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"conclusion" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"response_due_on" date,
	"response_assessment" text,
	"issued_by" uuid NOT NULL REFERENCES "users"("id"),
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_reports_kind_check" CHECK (kind in ('draft', 'final')),
	CONSTRAINT "case_reports_due_check" CHECK ((kind = 'draft') = (response_due_on is not null)),
	CONSTRAINT "case_reports_assessment_check" CHECK (kind = 'final' or response_assessment is null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "case_reports_case_kind_unique" ON "case_reports" USING btree ("case_id","kind");
--> statement-breakpoint
CREATE INDEX "case_reports_entity_idx" ON "case_reports" USING btree ("entity_id","kind","issued_at");
--> statement-breakpoint
CREATE TABLE "case_report_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL REFERENCES "case_reports"("id"),
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid NOT NULL REFERENCES "users"("id"),
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "case_report_responses_report_unique" ON "case_report_responses" USING btree ("report_id");
