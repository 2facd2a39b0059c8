-- A resource unit can never be allocated twice for overlapping time: the database itself
-- refuses a double booking, whatever the application does (API.md §8 rule 7).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "reservation_allocations"
  ADD CONSTRAINT "reservation_allocations_no_overlap"
  EXCLUDE USING gist ("resource_id" WITH =, "unit" WITH =, "occupied" WITH &&);
--> statement-breakpoint
ALTER TABLE "reservation_allocations"
  ADD CONSTRAINT "reservation_allocations_occupied_bounds"
  CHECK (NOT isempty("occupied") AND lower_inc("occupied") AND NOT upper_inc("occupied"));
