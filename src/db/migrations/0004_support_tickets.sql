CREATE SEQUENCE "public"."support_ticket_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "support_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"category" text NOT NULL,
	"topic" text NOT NULL,
	"queue" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"business_name" text NOT NULL,
	"juristic_id" text,
	"business_type_code" text,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"message" text NOT NULL,
	"locale" text NOT NULL,
	"screenshot_key" text,
	"screenshot_name" text,
	"screenshot_type" text,
	"screenshot_size" integer,
	"screenshot_sha256" text,
	"created_by_user_id" uuid,
	"entity_id" uuid,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_tickets_category_check" CHECK (category in ('technical', 'content')),
	CONSTRAINT "support_tickets_topic_check" CHECK (topic in ('business_not_found', 'login', 'questionnaire', 'other')),
	CONSTRAINT "support_tickets_queue_check" CHECK (queue in ('admin', 'supervision')),
	CONSTRAINT "support_tickets_status_check" CHECK (status in ('open', 'closed')),
	CONSTRAINT "support_tickets_locale_check" CHECK (locale in ('th', 'en')),
	CONSTRAINT "support_tickets_juristic_id_format" CHECK (juristic_id is null or juristic_id ~ '^0[0-9]{12}$'),
	CONSTRAINT "support_tickets_message_length" CHECK (char_length(message) between 1 and 2000),
	CONSTRAINT "support_tickets_screenshot_complete" CHECK ((screenshot_key is null) = (screenshot_name is null) and (screenshot_key is null) = (screenshot_type is null) and (screenshot_key is null) = (screenshot_size is null) and (screenshot_key is null) = (screenshot_sha256 is null))
);
--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_business_type_code_business_types_code_fk" FOREIGN KEY ("business_type_code") REFERENCES "public"."business_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_entity_id_reporting_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."reporting_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_tickets_reference_unique" ON "support_tickets" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "support_tickets_idempotency_key_unique" ON "support_tickets" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "support_tickets_queue_idx" ON "support_tickets" USING btree ("queue","status","created_at");--> statement-breakpoint
CREATE INDEX "support_tickets_created_by_idx" ON "support_tickets" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "support_tickets_entity_idx" ON "support_tickets" USING btree ("entity_id");