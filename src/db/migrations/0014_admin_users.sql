-- Admin console, users (issue 7): a 'locked' account status (an AMLO security hold, distinct from
-- 'deactivated') with when, who and why.
ALTER TABLE "users" DROP CONSTRAINT "users_status_check";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_status_check" CHECK (status in ('pending_email', 'pending_approval', 'invited', 'active', 'deactivated', 'locked'));--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locked_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lock_reason" text;
