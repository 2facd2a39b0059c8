CREATE TABLE "reservation_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"start_datetime" timestamp with time zone NOT NULL,
	"end_datetime" timestamp with time zone NOT NULL,
	"party_size" integer NOT NULL,
	"preferred_resource_id" uuid,
	"occurrence_id" uuid,
	"booking_link_id" uuid,
	"actor_kind" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_holds_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "holds_range" CHECK ("reservation_holds"."start_datetime" < "reservation_holds"."end_datetime"),
	CONSTRAINT "holds_party" CHECK ("reservation_holds"."party_size" between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "reservation_allocations" DROP CONSTRAINT "allocations_owner";--> statement-breakpoint
ALTER TABLE "reservation_allocations" ADD COLUMN "hold_id" uuid;--> statement-breakpoint
ALTER TABLE "reservation_holds" ADD CONSTRAINT "reservation_holds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_holds" ADD CONSTRAINT "holds_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."reservation_services"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_holds" ADD CONSTRAINT "holds_occurrence_fk" FOREIGN KEY ("organization_id","occurrence_id") REFERENCES "public"."reservation_occurrences"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservation_holds_expiry_idx" ON "reservation_holds" USING btree ("organization_id","expires_at");--> statement-breakpoint
CREATE INDEX "reservation_holds_occurrence_idx" ON "reservation_holds" USING btree ("occurrence_id");--> statement-breakpoint
ALTER TABLE "reservation_allocations" ADD CONSTRAINT "allocations_hold_fk" FOREIGN KEY ("organization_id","hold_id") REFERENCES "public"."reservation_holds"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservation_allocations_hold_idx" ON "reservation_allocations" USING btree ("hold_id");--> statement-breakpoint
ALTER TABLE "reservation_allocations" ADD CONSTRAINT "allocations_owner" CHECK (num_nonnulls("reservation_allocations"."reservation_id", "reservation_allocations"."occurrence_id", "reservation_allocations"."hold_id") = 1);