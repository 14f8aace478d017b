-- Issue 8, escalation (§8.5): enforcement referral cases linked to the case they came from, and
-- enforcement measures recorded as data (src/cases/enforcement.tables.ts).
ALTER TABLE "cases" ADD COLUMN "parent_case_id" uuid REFERENCES "cases"("id");
--> statement-breakpoint
CREATE INDEX "cases_parent_idx" ON "cases" USING btree ("parent_case_id") WHERE parent_case_id is not null;
--> statement-breakpoint
CREATE TABLE "enforcement_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"entity_id" uuid NOT NULL REFERENCES "reporting_entities"("id"),
	"measure" text NOT NULL,
	"legal_provision" text NOT NULL,
	"amount_thb" numeric(16, 2),
	"decision_body" text NOT NULL,
	"decided_on" date NOT NULL,
	"payment_status" text NOT NULL,
	"appeal_status" text DEFAULT 'none' NOT NULL,
	"recorded_by" uuid NOT NULL REFERENCES "users"("id"),
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enforcement_measures_measure_check" CHECK (measure in ('management_letter', 'formal_warning', 'order_to_rectify', 'administrative_fine', 'criminal_referral')),
	CONSTRAINT "enforcement_measures_payment_check" CHECK (payment_status in ('not_applicable', 'unpaid', 'paid')),
	CONSTRAINT "enforcement_measures_appeal_check" CHECK (appeal_status in ('none', 'appealed', 'upheld', 'overturned')),
	CONSTRAINT "enforcement_measures_amount_check" CHECK (amount_thb is null or amount_thb >= 0),
	CONSTRAINT "enforcement_measures_fine_amount_check" CHECK (measure <> 'administrative_fine' or amount_thb is not null)
);
--> statement-breakpoint
CREATE INDEX "enforcement_measures_case_idx" ON "enforcement_measures" USING btree ("case_id","decided_on");
--> statement-breakpoint
CREATE INDEX "enforcement_measures_entity_idx" ON "enforcement_measures" USING btree ("entity_id","decided_on");
