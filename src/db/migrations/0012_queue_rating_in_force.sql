-- Custom: the trigram indexes below need pg_trgm (PGlite loads it as an extension: src/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "cycle_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "computed_rating" text;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "flags_count" integer;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "effective_rating" text;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD COLUMN "effective_rank" smallint GENERATED ALWAYS AS (case effective_rating when 'low' then 1 when 'medium_low' then 2 when 'medium_high' then 3 when 'high' then 4 end) STORED;--> statement-breakpoint
ALTER TABLE "assessment_reviews" ADD CONSTRAINT "assessment_reviews_cycle_id_assessment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_entities_name_search_trgm_idx" ON "reporting_entities" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "reporting_entities_name_en_trgm_idx" ON "reporting_entities" USING gin (lower("name_en") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assessment_reviews_queue_submitted_idx" ON "assessment_reviews" USING btree ("cycle_id","submitted_at" DESC NULLS FIRST,"assessment_id");--> statement-breakpoint
CREATE INDEX "assessment_reviews_queue_rating_idx" ON "assessment_reviews" USING btree ("cycle_id","effective_rating","submitted_at" DESC NULLS FIRST,"assessment_id");--> statement-breakpoint
CREATE INDEX "assessment_reviews_queue_rank_idx" ON "assessment_reviews" USING btree ("cycle_id","effective_rank" DESC NULLS LAST,"submitted_at" DESC NULLS FIRST,"assessment_id");--> statement-breakpoint
CREATE INDEX "assessment_reviews_queue_flags_idx" ON "assessment_reviews" USING btree ("cycle_id","flags_count" DESC NULLS LAST,"submitted_at" DESC NULLS FIRST,"assessment_id");--> statement-breakpoint
CREATE INDEX "assessment_reviews_queue_assignee_idx" ON "assessment_reviews" USING btree ("cycle_id","assignee_user_id","submitted_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "assessment_reviews_override_expiry_idx" ON "assessment_reviews" USING btree ("cycle_id","override_expires_at") WHERE override_expires_at is not null;--> statement-breakpoint
-- Backfill (custom): every submitted assessment gets its review row with the queue copy (review.repo.ts syncQueueRatings).
INSERT INTO "assessment_reviews" ("assessment_id", "updated_at", "cycle_id", "submitted_at", "computed_rating", "flags_count", "effective_rating")
SELECT a.id, now(), a.cycle_id, s.submitted_at, rs.residual_band, rs.flags_count, rs.residual_band
FROM "assessments" a
JOIN "submissions" s ON s.assessment_id = a.id AND s.version = a.submitted_versions
LEFT JOIN "risk_scores" rs ON rs.submission_id = s.id AND rs.is_current
ON CONFLICT ("assessment_id") DO UPDATE SET
  "cycle_id" = excluded.cycle_id, "submitted_at" = excluded.submitted_at,
  "computed_rating" = excluded.computed_rating, "flags_count" = excluded.flags_count,
  "effective_rating" = CASE
    WHEN "assessment_reviews"."override_rating" IS NOT NULL AND ("assessment_reviews"."override_expires_at" IS NULL OR "assessment_reviews"."override_expires_at" > now())
    THEN "assessment_reviews"."override_rating" ELSE excluded.computed_rating END;
