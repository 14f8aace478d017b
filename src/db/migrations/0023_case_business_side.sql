-- Issue 8, the business side of cases (src/cases/cases.tables.ts): the business answers information
-- requests and reports remediation done with evidence, examiners verify or reject, record the on-site
-- visit and take escalation steps (§8.5); reminders before each due date are sent once per step.
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_kind_check";
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_kind_check" CHECK (kind in ('opened', 'status_changed', 'assigned', 'note_added', 'information_requested', 'finding_recorded', 'remediation_action_added', 'information_answered', 'remediation_marked_done', 'remediation_verified', 'remediation_rejected', 'visit_recorded', 'finding_escalated'));
--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD COLUMN "done_note" text;
--> statement-breakpoint
CREATE TABLE "case_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"visited_on" date NOT NULL,
	"attendees" text NOT NULL,
	"notes" text NOT NULL,
	"recorded_by" uuid NOT NULL REFERENCES "users"("id"),
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_visits_case_idx" ON "case_visits" USING btree ("case_id","visited_on");
--> statement-breakpoint
CREATE TABLE "case_reminders" (
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"step" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_reminders_pk" PRIMARY KEY("item_kind","item_id","step"),
	CONSTRAINT "case_reminders_kind_check" CHECK (item_kind in ('information_request', 'remediation_action'))
);
