CREATE TABLE "notification_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"reservation_id" uuid NOT NULL,
	"event_id" uuid,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"data" jsonb NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"send_after" timestamp with time zone DEFAULT now() NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claim_token" uuid,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"attempts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_messages_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "notification_messages_status" CHECK ("notification_messages"."status" in ('pending', 'retrying', 'sent', 'kept', 'failed', 'cancelled')),
	CONSTRAINT "notification_messages_kind" CHECK ("notification_messages"."kind" in ('confirmation', 'confirmed', 'rescheduled', 'cancelled', 'reminder', 'staff_booked', 'staff_changed', 'staff_cancelled')),
	CONSTRAINT "notification_messages_audience" CHECK ("notification_messages"."audience" in ('customer', 'staff')),
	CONSTRAINT "notification_messages_attempts" CHECK ("notification_messages"."attempt_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"organization_id" uuid NOT NULL,
	"confirmation_email" boolean DEFAULT true NOT NULL,
	"change_email" boolean DEFAULT true NOT NULL,
	"reminder_hours_before" integer DEFAULT 24,
	"staff_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_settings_organization_id_pk" PRIMARY KEY("organization_id"),
	CONSTRAINT "notification_settings_reminder" CHECK ("notification_settings"."reminder_hours_before" is null or "notification_settings"."reminder_hours_before" between 1 and 168)
);
--> statement-breakpoint
ALTER TABLE "notification_messages" ADD CONSTRAINT "notification_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_messages" ADD CONSTRAINT "notification_messages_reservation_fk" FOREIGN KEY ("organization_id","reservation_id") REFERENCES "public"."reservations"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_messages" ADD CONSTRAINT "notification_messages_event_fk" FOREIGN KEY ("organization_id","event_id") REFERENCES "public"."outbox_events"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_messages_due_idx" ON "notification_messages" USING btree ("next_attempt_at") WHERE "notification_messages"."status" in ('pending', 'retrying');--> statement-breakpoint
CREATE INDEX "notification_messages_list_idx" ON "notification_messages" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_messages_reservation_idx" ON "notification_messages" USING btree ("organization_id","reservation_id","kind");