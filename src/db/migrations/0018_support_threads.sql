-- Support tickets get threads (issue 7): statuses open → answered → closed, ageing columns, and
-- support_ticket_messages for replies and staff-only move notes.
ALTER TABLE "support_tickets" DROP CONSTRAINT "support_tickets_status_check";--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_status_check" CHECK (status in ('open', 'answered', 'closed'));--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "last_requester_at" timestamp with time zone;--> statement-breakpoint
UPDATE "support_tickets" SET "last_requester_at" = "created_at";--> statement-breakpoint
ALTER TABLE "support_tickets" ALTER COLUMN "last_requester_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
-- Tickets closed before threads existed have no closing time: treated as closed long ago.
UPDATE "support_tickets" SET "closed_at" = "created_at" WHERE "status" = 'closed';--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_closed_at" CHECK ((status = 'closed') = (closed_at is not null));--> statement-breakpoint
CREATE INDEX "support_tickets_queue_last_requester_idx" ON "support_tickets" USING btree ("queue","status","last_requester_at");--> statement-breakpoint
CREATE TABLE "support_ticket_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text DEFAULT 'message' NOT NULL,
	"author_kind" text NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"moved_to_queue" text,
	"attachment_key" text,
	"attachment_name" text,
	"attachment_type" text,
	"attachment_size" integer,
	"attachment_sha256" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_ticket_messages_kind_check" CHECK (kind in ('message', 'move_note')),
	CONSTRAINT "support_ticket_messages_author_kind_check" CHECK (author_kind in ('staff', 'requester')),
	CONSTRAINT "support_ticket_messages_body_length" CHECK (char_length(body) between 1 and 2000),
	CONSTRAINT "support_ticket_messages_moved_to_queue" CHECK ((kind = 'move_note') = (moved_to_queue is not null) and (moved_to_queue is null or moved_to_queue in ('admin', 'supervision'))),
	CONSTRAINT "support_ticket_messages_attachment_type" CHECK (attachment_type is null or attachment_type in ('image/png', 'image/jpeg', 'application/pdf')),
	CONSTRAINT "support_ticket_messages_attachment_complete" CHECK ((attachment_key is null) = (attachment_name is null) and (attachment_key is null) = (attachment_type is null) and (attachment_key is null) = (attachment_size is null) and (attachment_key is null) = (attachment_sha256 is null))
);
--> statement-breakpoint
ALTER TABLE "support_ticket_messages" ADD CONSTRAINT "support_ticket_messages_ticket_id_support_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."support_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_ticket_messages" ADD CONSTRAINT "support_ticket_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_ticket_messages_ticket_idx" ON "support_ticket_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "support_ticket_messages_idempotency_key_unique" ON "support_ticket_messages" USING btree ("idempotency_key");
