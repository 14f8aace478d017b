CREATE TABLE "risk_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"ruleset_version" text NOT NULL,
	"residual_band" text NOT NULL,
	"inherent_band" text NOT NULL,
	"control_band" text NOT NULL,
	"irs" double precision NOT NULL,
	"ce_percent" double precision NOT NULL,
	"flags_count" integer NOT NULL,
	"score" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by" uuid,
	"is_current" boolean DEFAULT true NOT NULL,
	CONSTRAINT "risk_scores_residual_check" CHECK (residual_band in ('low', 'medium_low', 'medium_high', 'high')),
	CONSTRAINT "risk_scores_inherent_check" CHECK (inherent_band in ('low', 'medium_low', 'medium_high', 'high')),
	CONSTRAINT "risk_scores_control_check" CHECK (control_band in ('strong', 'adequate', 'needs_improvement', 'weak'))
);
--> statement-breakpoint
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_entity_id_reporting_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."reporting_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_cycle_id_assessment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_scores_current_unique" ON "risk_scores" USING btree ("submission_id") WHERE "risk_scores"."is_current";--> statement-breakpoint
CREATE INDEX "risk_scores_cycle_idx" ON "risk_scores" USING btree ("cycle_id","residual_band");--> statement-breakpoint
CREATE INDEX "risk_scores_entity_idx" ON "risk_scores" USING btree ("entity_id");