-- Issue 8: supervision plans and cases (src/cases/cases.tables.ts). Status CHECKs follow the
-- tuples in src/cases/*.rules.ts and cases.model.ts; keep them in step when a tuple changes.
CREATE TABLE "supervision_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL REFERENCES "assessment_cycles"("id"),
	"version" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"as_of" date NOT NULL,
	"parameters" jsonb NOT NULL,
	"proposed_by" uuid NOT NULL REFERENCES "users"("id"),
	"proposed_at" timestamp with time zone NOT NULL,
	"approved_by" uuid REFERENCES "users"("id"),
	"approved_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	CONSTRAINT "supervision_plans_status_check" CHECK (status in ('proposed', 'approved', 'withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_cycle_version_unique" ON "supervision_plans" USING btree ("cycle_id","version");
--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_idempotency_unique" ON "supervision_plans" USING btree ("idempotency_key");
--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_one_approved" ON "supervision_plans" USING btree ("cycle_id") WHERE status = 'approved';
--> statement-breakpoint
CREATE TABLE "supervision_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "supervision_plans"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"case_type" text NOT NULL,
	"scope" text NOT NULL,
	"reason" text NOT NULL,
	"rating" text NOT NULL,
	"score" double precision,
	"rank" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"assignee_user_id" uuid REFERENCES "users"("id"),
	"case_id" uuid,
	CONSTRAINT "supervision_plan_items_type_check" CHECK (case_type in ('desk_review', 'onsite_inspection', 'thematic_review', 'follow_up', 'enforcement_referral')),
	CONSTRAINT "supervision_plan_items_scope_check" CHECK (scope in ('full', 'risk_focused', 'standard', 'sample')),
	CONSTRAINT "supervision_plan_items_reason_check" CHECK (reason in ('high_onsite', 'medium_high_onsite', 'medium_high_desk', 'medium_low_desk', 'medium_low_onsite_sample', 'low_desk_sample')),
	CONSTRAINT "supervision_plan_items_rating_check" CHECK (rating in ('low', 'medium_low', 'medium_high', 'high')),
	CONSTRAINT "supervision_plan_items_status_check" CHECK (status in ('planned', 'over_capacity'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plan_items_unique" ON "supervision_plan_items" USING btree ("plan_id","entity_id","case_type");
--> statement-breakpoint
CREATE INDEX "supervision_plan_items_rank_idx" ON "supervision_plan_items" USING btree ("plan_id","rank");
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"cycle_id" uuid REFERENCES "assessment_cycles"("id"),
	"plan_item_id" uuid REFERENCES "supervision_plan_items"("id"),
	"submission_id" uuid REFERENCES "submissions"("id"),
	"scope" text,
	"assignee_user_id" uuid REFERENCES "users"("id"),
	"team" text,
	"target_date" date,
	"due_on" date,
	"status_changed_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid NOT NULL REFERENCES "users"("id"),
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_type_check" CHECK (type in ('desk_review', 'onsite_inspection', 'thematic_review', 'follow_up', 'enforcement_referral')),
	CONSTRAINT "cases_status_check" CHECK (status in ('planned', 'notified', 'preparation', 'fieldwork', 'exit_meeting', 'draft_report', 'entity_response', 'final_report', 'remediation', 'follow_up', 'closed', 'escalated', 'cancelled')),
	CONSTRAINT "cases_scope_check" CHECK (scope is null or scope in ('full', 'risk_focused', 'standard', 'sample'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_unique" ON "cases" USING btree ("number");
--> statement-breakpoint
CREATE UNIQUE INDEX "cases_plan_item_unique" ON "cases" USING btree ("plan_item_id");
--> statement-breakpoint
CREATE INDEX "cases_inbox_assignee_idx" ON "cases" USING btree ("assignee_user_id","status","due_on" NULLS LAST,"id");
--> statement-breakpoint
CREATE INDEX "cases_inbox_team_idx" ON "cases" USING btree ("team","status","due_on" NULLS LAST,"id");
--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("due_on","id") WHERE status not in ('closed', 'escalated', 'cancelled');
--> statement-breakpoint
CREATE INDEX "cases_entity_idx" ON "cases" USING btree ("entity_id","opened_at" DESC);
--> statement-breakpoint
CREATE INDEX "cases_cycle_idx" ON "cases" USING btree ("cycle_id","type");
--> statement-breakpoint
ALTER TABLE "supervision_plan_items" ADD CONSTRAINT "supervision_plan_items_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "cases"("id");
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid REFERENCES "users"("id"),
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text,
	CONSTRAINT "case_events_kind_check" CHECK (kind in ('opened', 'status_changed', 'assigned', 'note_added', 'information_requested', 'finding_recorded', 'remediation_action_added'))
);
--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_idempotency_unique" ON "case_events" USING btree ("idempotency_key");
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"author_user_id" uuid NOT NULL REFERENCES "users"("id"),
	"at" timestamp with time zone NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","at");
--> statement-breakpoint
CREATE TABLE "information_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_by" uuid NOT NULL REFERENCES "users"("id"),
	"requested_at" timestamp with time zone NOT NULL,
	"answer_text" text,
	"answer_attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answered_by" uuid REFERENCES "users"("id"),
	"answered_at" timestamp with time zone,
	CONSTRAINT "information_requests_status_check" CHECK (status in ('open', 'answered', 'withdrawn'))
);
--> statement-breakpoint
CREATE INDEX "information_requests_case_idx" ON "information_requests" USING btree ("case_id","requested_at");
--> statement-breakpoint
CREATE INDEX "information_requests_entity_idx" ON "information_requests" USING btree ("entity_id","status","due_on");
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"control_area" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"legal_basis" text NOT NULL,
	"severity" text NOT NULL,
	"root_cause" text,
	"required_action" text NOT NULL,
	"due_on" date NOT NULL,
	"escalation_step" text,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL REFERENCES "users"("id"),
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "findings_control_area_check" CHECK (control_area in ('C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8')),
	CONSTRAINT "findings_severity_check" CHECK (severity in ('critical', 'major', 'minor', 'observation')),
	CONSTRAINT "findings_escalation_check" CHECK (escalation_step is null or escalation_step in ('management_letter', 'formal_warning', 'order_to_rectify', 'administrative_fine', 'criminal_referral'))
);
--> statement-breakpoint
CREATE INDEX "findings_case_idx" ON "findings" USING btree ("case_id","recorded_at");
--> statement-breakpoint
CREATE INDEX "findings_entity_idx" ON "findings" USING btree ("entity_id","severity","due_on");
--> statement-breakpoint
CREATE TABLE "remediation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL REFERENCES "findings"("id"),
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"description" text NOT NULL,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid REFERENCES "users"("id"),
	"decided_at" timestamp with time zone,
	"decided_by" uuid REFERENCES "users"("id"),
	"rejection_reason" text,
	"created_by" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "remediation_actions_status_check" CHECK (status in ('open', 'done_by_business', 'verified', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX "remediation_actions_finding_idx" ON "remediation_actions" USING btree ("finding_id","created_at");
--> statement-breakpoint
CREATE INDEX "remediation_actions_entity_idx" ON "remediation_actions" USING btree ("entity_id","status","due_on");
