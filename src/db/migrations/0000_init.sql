CREATE TABLE "business_types" (
	"code" text PRIMARY KEY NOT NULL,
	"section_item" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"supervising_division" text NOT NULL,
	"sort_order" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"juristic_id" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text,
	"trading_name" text,
	"legal_form" text NOT NULL,
	"primary_business_type" text NOT NULL,
	"business_types" text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"registered_on" date,
	"address_line" text NOT NULL,
	"subdistrict" text NOT NULL,
	"district" text NOT NULL,
	"province" text NOT NULL,
	"postcode" text NOT NULL,
	"phone" text,
	"email" text,
	"name_search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_entities_juristic_id_unique" UNIQUE("juristic_id"),
	CONSTRAINT "reporting_entities_status_check" CHECK (status in ('active', 'inactive')),
	CONSTRAINT "reporting_entities_legal_form_check" CHECK (legal_form in ('company_limited', 'public_company_limited', 'limited_partnership', 'registered_ordinary_partnership', 'foreign_company_branch', 'other')),
	CONSTRAINT "reporting_entities_juristic_id_format" CHECK (juristic_id ~ '^0[0-9]{12}$'),
	CONSTRAINT "reporting_entities_postcode_format" CHECK (postcode ~ '^[1-9][0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"sid" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reporting_entities" ADD CONSTRAINT "reporting_entities_primary_business_type_business_types_code_fk" FOREIGN KEY ("primary_business_type") REFERENCES "public"."business_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_entities_name_search_idx" ON "reporting_entities" USING btree ("name_search");--> statement-breakpoint
CREATE INDEX "reporting_entities_province_idx" ON "reporting_entities" USING btree ("province");--> statement-breakpoint
CREATE INDEX "reporting_entities_primary_type_idx" ON "reporting_entities" USING btree ("primary_business_type");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");