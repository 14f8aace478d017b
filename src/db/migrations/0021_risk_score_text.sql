-- Rescoring a cycle writes 100,000 score explanations of ~11 kB (issue 6: < 30 s). As jsonb each one
-- is parsed into binary form by PostgreSQL on the way in and printed back on the way out, which was
-- most of the time; nothing queries inside the explanation in SQL, so it is stored as its JSON text
-- (read whole by the app). What SQL does need of it becomes plain columns: the flag codes (the
-- dashboard), the previous submission and the scoring date (rescoring reuses them).
ALTER TABLE "risk_scores" ALTER COLUMN "flag_codes" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD COLUMN "previous_submission_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD COLUMN "as_of" date;--> statement-breakpoint
UPDATE "risk_scores" SET "previous_submission_id" = ("score"->>'previousSubmissionId')::uuid, "as_of" = ("score"->>'asOf')::date;--> statement-breakpoint
ALTER TABLE "risk_scores" ALTER COLUMN "score" SET DATA TYPE text USING "score"::text;--> statement-breakpoint
ALTER TABLE "risk_scores" ALTER COLUMN "flag_codes" SET NOT NULL;
