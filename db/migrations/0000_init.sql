CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"timezone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_name_len" CHECK (char_length("organizations"."name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_org_id_key" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"organization_id" uuid NOT NULL,
	"role" text DEFAULT 'staff' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_org_id_key" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"company_id" uuid,
	"custom_fields_by_key" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_org_id_key" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"contact_id" uuid,
	"company_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "deals_title_len" CHECK (char_length("deals"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "reservation_resource_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"day_of_week" smallint NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_resource_availability_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "availability_day" CHECK ("reservation_resource_availability"."day_of_week" between 0 and 6),
	CONSTRAINT "availability_times" CHECK (start_time ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' and end_time ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' and start_time < end_time)
);
--> statement-breakpoint
CREATE TABLE "reservation_resource_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"date" date NOT NULL,
	"end_date" date,
	"kind" text NOT NULL,
	"start_time" text,
	"end_time" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_resource_exceptions_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "exceptions_kind" CHECK ("reservation_resource_exceptions"."kind" in ('blocked', 'special_hours')),
	CONSTRAINT "exceptions_range" CHECK ("reservation_resource_exceptions"."end_date" is null or "reservation_resource_exceptions"."end_date" >= "reservation_resource_exceptions"."date"),
	CONSTRAINT "exceptions_times" CHECK ((start_time is null and end_time is null and kind = 'blocked') or (start_time ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' and end_time ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' and start_time < end_time))
);
--> statement-breakpoint
CREATE TABLE "reservation_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'other' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"capacity" integer,
	"timezone" text NOT NULL,
	"image_url" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_resources_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "resources_type" CHECK ("reservation_resources"."type" in ('person', 'room', 'equipment', 'table', 'other')),
	CONSTRAINT "resources_quantity" CHECK ("reservation_resources"."quantity" >= 1),
	CONSTRAINT "resources_capacity" CHECK ("reservation_resources"."capacity" is null or "reservation_resources"."capacity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reservation_service_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"is_required" boolean DEFAULT true NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_service_resources_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "reservation_service_resources_pair_key" UNIQUE("service_id","resource_id"),
	CONSTRAINT "service_resources_quantity" CHECK ("reservation_service_resources"."quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reservation_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"duration_minutes" integer NOT NULL,
	"slot_interval_minutes" integer,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"min_notice_minutes" integer DEFAULT 0 NOT NULL,
	"max_advance_days" integer DEFAULT 365 NOT NULL,
	"capacity" integer,
	"min_party_size" integer DEFAULT 1 NOT NULL,
	"max_party_size" integer DEFAULT 1 NOT NULL,
	"requires_confirmation" boolean DEFAULT false NOT NULL,
	"price_amount" integer,
	"currency" text,
	"image_url" text,
	"color" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_services_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "services_duration" CHECK ("reservation_services"."duration_minutes" between 5 and 1440),
	CONSTRAINT "services_interval" CHECK ("reservation_services"."slot_interval_minutes" is null or "reservation_services"."slot_interval_minutes" between 5 and 1440),
	CONSTRAINT "services_buffers" CHECK ("reservation_services"."buffer_before_minutes" between 0 and 1440 and "reservation_services"."buffer_after_minutes" between 0 and 1440),
	CONSTRAINT "services_notice" CHECK ("reservation_services"."min_notice_minutes" >= 0),
	CONSTRAINT "services_advance" CHECK ("reservation_services"."max_advance_days" between 1 and 3650),
	CONSTRAINT "services_capacity" CHECK ("reservation_services"."capacity" is null or "reservation_services"."capacity" >= 1),
	CONSTRAINT "services_party" CHECK (1 <= "reservation_services"."min_party_size" and "reservation_services"."min_party_size" <= "reservation_services"."max_party_size" and "reservation_services"."max_party_size" <= 1000),
	CONSTRAINT "services_price" CHECK ("reservation_services"."price_amount" is null or ("reservation_services"."price_amount" >= 0 and "reservation_services"."currency" is not null)),
	CONSTRAINT "services_color" CHECK ("reservation_services"."color" is null or "reservation_services"."color" ~ '^#[0-9A-Fa-f]{6}$')
);
--> statement-breakpoint
CREATE TABLE "reservation_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"unit" integer NOT NULL,
	"occupied" "tstzrange" NOT NULL,
	"reservation_id" uuid,
	"occurrence_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocations_unit" CHECK ("reservation_allocations"."unit" >= 0),
	CONSTRAINT "allocations_owner" CHECK (num_nonnulls("reservation_allocations"."reservation_id", "reservation_allocations"."occurrence_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "reservation_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"start_datetime" timestamp with time zone NOT NULL,
	"end_datetime" timestamp with time zone NOT NULL,
	"seat_limit" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_occurrences_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "occurrences_range" CHECK ("reservation_occurrences"."start_datetime" < "reservation_occurrences"."end_datetime"),
	CONSTRAINT "occurrences_seats" CHECK ("reservation_occurrences"."seat_limit" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"start_datetime" timestamp with time zone NOT NULL,
	"end_datetime" timestamp with time zone NOT NULL,
	"party_size" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"deal_id" uuid,
	"company_id" uuid,
	"preferred_resource_id" uuid,
	"occurrence_id" uuid,
	"notes" text,
	"custom_fields_by_key" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"cancellation_reason" text,
	"source" text NOT NULL,
	"booking_link_id" uuid,
	"manage_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservations_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "reservations_range" CHECK ("reservations"."start_datetime" < "reservations"."end_datetime"),
	CONSTRAINT "reservations_party" CHECK ("reservations"."party_size" between 1 and 1000),
	CONSTRAINT "reservations_status" CHECK ("reservations"."status" in ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
	CONSTRAINT "reservations_source" CHECK ("reservations"."source" in ('staff', 'api', 'booking_link', 'ai_assistant')),
	CONSTRAINT "reservations_cancelled" CHECK (("reservations"."status" = 'cancelled') = ("reservations"."cancelled_at" is not null) and ("reservations"."cancelled_by" is null or "reservations"."cancelled_by" in ('organization', 'customer', 'ai_assistant')))
);
--> statement-breakpoint
CREATE TABLE "reservation_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"reservation_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reservation_booking_link_services" (
	"organization_id" uuid NOT NULL,
	"booking_link_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "reservation_booking_link_services_booking_link_id_service_id_pk" PRIMARY KEY("booking_link_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "reservation_booking_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"page_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_booking_links_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "booking_links_slug" CHECK ("reservation_booking_links"."slug" ~ '^[a-z0-9][a-z0-9-]{1,62}$')
);
--> statement-breakpoint
CREATE TABLE "ai_assistants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"instructions" text,
	"internal_tools" jsonb DEFAULT '{"tools":[]}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_assistants_org_id_key" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "custom_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_fields_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "custom_fields_key_key" UNIQUE("organization_id","entity_type","key"),
	CONSTRAINT "custom_fields_entity" CHECK ("custom_fields"."entity_type" in ('reservation', 'contact')),
	CONSTRAINT "custom_fields_key_pattern" CHECK ("custom_fields"."key" ~ '^[a-z][a-z0-9_]{0,62}$'),
	CONSTRAINT "custom_fields_type" CHECK ("custom_fields"."type" in ('text', 'textarea', 'number', 'boolean', 'date', 'select', 'multiselect', 'email', 'phone', 'url'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"type" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"content_length" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"uploaded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uploads_length" CHECK ("uploads"."content_length" between 1 and 5242880)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_contact_fk" FOREIGN KEY ("organization_id","contact_id") REFERENCES "public"."contacts"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_resource_availability" ADD CONSTRAINT "reservation_resource_availability_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_resource_availability" ADD CONSTRAINT "availability_resource_fk" FOREIGN KEY ("organization_id","resource_id") REFERENCES "public"."reservation_resources"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_resource_exceptions" ADD CONSTRAINT "reservation_resource_exceptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_resource_exceptions" ADD CONSTRAINT "exceptions_resource_fk" FOREIGN KEY ("organization_id","resource_id") REFERENCES "public"."reservation_resources"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_resources" ADD CONSTRAINT "reservation_resources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_service_resources" ADD CONSTRAINT "reservation_service_resources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_service_resources" ADD CONSTRAINT "service_resources_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."reservation_services"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_service_resources" ADD CONSTRAINT "service_resources_resource_fk" FOREIGN KEY ("organization_id","resource_id") REFERENCES "public"."reservation_resources"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_services" ADD CONSTRAINT "reservation_services_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_allocations" ADD CONSTRAINT "reservation_allocations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_allocations" ADD CONSTRAINT "allocations_resource_fk" FOREIGN KEY ("organization_id","resource_id") REFERENCES "public"."reservation_resources"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_allocations" ADD CONSTRAINT "allocations_reservation_fk" FOREIGN KEY ("organization_id","reservation_id") REFERENCES "public"."reservations"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_allocations" ADD CONSTRAINT "allocations_occurrence_fk" FOREIGN KEY ("organization_id","occurrence_id") REFERENCES "public"."reservation_occurrences"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_occurrences" ADD CONSTRAINT "reservation_occurrences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_occurrences" ADD CONSTRAINT "occurrences_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."reservation_services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_contact_fk" FOREIGN KEY ("organization_id","contact_id") REFERENCES "public"."contacts"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."reservation_services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_deal_fk" FOREIGN KEY ("organization_id","deal_id") REFERENCES "public"."deals"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_company_fk" FOREIGN KEY ("organization_id","company_id") REFERENCES "public"."companies"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_preferred_resource_fk" FOREIGN KEY ("organization_id","preferred_resource_id") REFERENCES "public"."reservation_resources"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_occurrence_fk" FOREIGN KEY ("organization_id","occurrence_id") REFERENCES "public"."reservation_occurrences"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_status_changes" ADD CONSTRAINT "reservation_status_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_status_changes" ADD CONSTRAINT "status_changes_reservation_fk" FOREIGN KEY ("organization_id","reservation_id") REFERENCES "public"."reservations"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_booking_link_services" ADD CONSTRAINT "booking_link_services_link_fk" FOREIGN KEY ("organization_id","booking_link_id") REFERENCES "public"."reservation_booking_links"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_booking_link_services" ADD CONSTRAINT "booking_link_services_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."reservation_services"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_booking_links" ADD CONSTRAINT "reservation_booking_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_assistants" ADD CONSTRAINT "ai_assistants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "api_keys_organization_idx" ON "api_keys" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions" USING btree ("token");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_organization_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "companies_org_name_idx" ON "companies" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "contacts_org_name_idx" ON "contacts" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "contacts_org_email_idx" ON "contacts" USING btree ("organization_id",lower("email"));--> statement-breakpoint
CREATE INDEX "contacts_company_idx" ON "contacts" USING btree ("organization_id","company_id");--> statement-breakpoint
CREATE INDEX "deals_contact_idx" ON "deals" USING btree ("organization_id","contact_id");--> statement-breakpoint
CREATE INDEX "deals_company_idx" ON "deals" USING btree ("organization_id","company_id");--> statement-breakpoint
CREATE INDEX "reservation_resource_availability_resource_idx" ON "reservation_resource_availability" USING btree ("organization_id","resource_id");--> statement-breakpoint
CREATE INDEX "reservation_resource_exceptions_range_idx" ON "reservation_resource_exceptions" USING btree ("organization_id","resource_id","date");--> statement-breakpoint
CREATE INDEX "reservation_resources_org_name_idx" ON "reservation_resources" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "reservation_service_resources_resource_idx" ON "reservation_service_resources" USING btree ("organization_id","resource_id");--> statement-breakpoint
CREATE INDEX "reservation_services_org_name_idx" ON "reservation_services" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "reservation_allocations_reservation_idx" ON "reservation_allocations" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "reservation_allocations_occurrence_idx" ON "reservation_allocations" USING btree ("occurrence_id");--> statement-breakpoint
CREATE INDEX "reservation_occurrences_service_start_idx" ON "reservation_occurrences" USING btree ("service_id","start_datetime");--> statement-breakpoint
CREATE INDEX "reservations_org_start_idx" ON "reservations" USING btree ("organization_id","start_datetime");--> statement-breakpoint
CREATE INDEX "reservations_service_start_idx" ON "reservations" USING btree ("service_id","start_datetime");--> statement-breakpoint
CREATE INDEX "reservations_contact_idx" ON "reservations" USING btree ("organization_id","contact_id");--> statement-breakpoint
CREATE INDEX "reservations_occurrence_idx" ON "reservations" USING btree ("occurrence_id");--> statement-breakpoint
CREATE INDEX "reservations_deal_idx" ON "reservations" USING btree ("organization_id","deal_id");--> statement-breakpoint
CREATE INDEX "reservations_company_idx" ON "reservations" USING btree ("organization_id","company_id");--> statement-breakpoint
CREATE INDEX "reservations_manage_token_idx" ON "reservations" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "reservation_status_changes_reservation_idx" ON "reservation_status_changes" USING btree ("reservation_id","created_at");--> statement-breakpoint
CREATE INDEX "booking_link_services_service_idx" ON "reservation_booking_link_services" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reservation_booking_links_slug_key" ON "reservation_booking_links" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "ai_assistants_org_idx" ON "ai_assistants" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_scope_key" ON "idempotency_keys" USING btree ("organization_id","scope","key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_storage_key_key" ON "uploads" USING btree ("storage_key");