-- The database refuses the broken states of §8 rules 3–7 itself (docs/decisions.md, "Integrity
-- under racing writes"), and a database written by an earlier version heals first:
--   1. seats_taken on occurrences, kept by triggers on reservations and holds, under a CHECK;
--   2. deferred constraint triggers that check, at commit, that what owns an allocation is
--      live and that what is live owns an allocation covering it.
ALTER TABLE "reservation_occurrences" ADD COLUMN "seats_taken" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint

-- Repair: finds and heals what an earlier version could leave behind. Called here, before the
-- rules are switched on, and callable again (`select reservation_integrity_repair()`);
-- returns how many sessions and allocations it changed.
CREATE FUNCTION "reservation_integrity_repair"() RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  orphan record;
  sibling uuid;
  link record;
  pool record;
  free_units integer[];
  span tstzrange;
  planned jsonb;
  ok boolean;
  changed integer := 0;
  n integer;
BEGIN
  -- (a) An allocation whose owner has nothing live: a cancelled reservation's rows, or a
  --     session whose last members were all cancelled at once (the room stayed blocked).
  DELETE FROM "reservation_allocations" a
  USING "reservations" r
  WHERE a."reservation_id" = r."id" AND r."status" = 'cancelled';
  GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
  DELETE FROM "reservation_allocations" a
  WHERE a."occurrence_id" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "reservations" r
                    WHERE r."occurrence_id" = a."occurrence_id" AND r."status" <> 'cancelled')
    AND NOT EXISTS (SELECT 1 FROM "reservation_holds" h WHERE h."occurrence_id" = a."occurrence_id");
  GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

  -- (b) Live members of a session that owns no allocation (a join that raced the last
  --     member's cancel) move into a session of the same service and start that owns one,
  --     when it has the seats; (c) otherwise the session gets its resources back where they
  --     are still free (required links, then the first pool resource with free units).
  --     Sessions whose resources were since given to someone else stay, for staff to move.
  FOR orphan IN
    SELECT o.*, s."buffer_before_minutes" AS bb, s."buffer_after_minutes" AS ba,
           (SELECT coalesce(sum(r."party_size"), 0) FROM "reservations" r
             WHERE r."occurrence_id" = o."id" AND r."status" <> 'cancelled')
           + (SELECT coalesce(sum(h."party_size"), 0) FROM "reservation_holds" h
             WHERE h."occurrence_id" = o."id") AS seats
    FROM "reservation_occurrences" o
    JOIN "reservation_services" s ON s."id" = o."service_id"
    WHERE NOT EXISTS (SELECT 1 FROM "reservation_allocations" a WHERE a."occurrence_id" = o."id")
      AND (EXISTS (SELECT 1 FROM "reservations" r
                   WHERE r."occurrence_id" = o."id" AND r."status" <> 'cancelled')
           OR EXISTS (SELECT 1 FROM "reservation_holds" h WHERE h."occurrence_id" = o."id"))
    ORDER BY o."start_datetime", o."id"
  LOOP
    SELECT o2."id" INTO sibling
    FROM "reservation_occurrences" o2
    WHERE o2."service_id" = orphan."service_id" AND o2."start_datetime" = orphan."start_datetime"
      AND o2."id" <> orphan."id"
      AND EXISTS (SELECT 1 FROM "reservation_allocations" a WHERE a."occurrence_id" = o2."id")
      AND o2."seat_limit" >= orphan."seats"
        + (SELECT coalesce(sum(r."party_size"), 0) FROM "reservations" r
           WHERE r."occurrence_id" = o2."id" AND r."status" <> 'cancelled')
        + (SELECT coalesce(sum(h."party_size"), 0) FROM "reservation_holds" h
           WHERE h."occurrence_id" = o2."id")
    ORDER BY o2."id" LIMIT 1;
    IF sibling IS NOT NULL THEN
      UPDATE "reservations" SET "occurrence_id" = sibling
      WHERE "occurrence_id" = orphan."id" AND "status" <> 'cancelled';
      UPDATE "reservation_holds" SET "occurrence_id" = sibling WHERE "occurrence_id" = orphan."id";
      changed := changed + 1;
      CONTINUE;
    END IF;

    span := tstzrange(orphan."start_datetime" - make_interval(mins => orphan.bb),
                      orphan."end_datetime" + make_interval(mins => orphan.ba), '[)');
    planned := '[]'::jsonb;
    ok := true;
    FOR link IN
      SELECT l."resource_id", l."quantity", res."quantity" AS units
      FROM "reservation_service_resources" l
      JOIN "reservation_resources" res ON res."id" = l."resource_id"
      WHERE l."service_id" = orphan."service_id" AND l."is_required"
      ORDER BY l."resource_id"
    LOOP
      SELECT array_agg(u ORDER BY u) INTO free_units FROM (
        SELECT u FROM generate_series(1, link.units) u
        WHERE NOT EXISTS (SELECT 1 FROM "reservation_allocations" a
                          WHERE a."resource_id" = link."resource_id" AND a."unit" = u
                            AND a."occupied" && span)
        ORDER BY u LIMIT link."quantity") f;
      IF coalesce(array_length(free_units, 1), 0) < link."quantity" THEN ok := false; EXIT; END IF;
      planned := planned || (SELECT jsonb_agg(jsonb_build_object('r', link."resource_id", 'u', u))
                             FROM unnest(free_units) u);
    END LOOP;
    IF ok AND EXISTS (SELECT 1 FROM "reservation_service_resources" l
                      WHERE l."service_id" = orphan."service_id" AND NOT l."is_required") THEN
      ok := false;
      FOR pool IN
        SELECT l."resource_id", l."quantity", res."quantity" AS units
        FROM "reservation_service_resources" l
        JOIN "reservation_resources" res ON res."id" = l."resource_id"
        WHERE l."service_id" = orphan."service_id" AND NOT l."is_required" AND res."is_active"
          AND (res."capacity" IS NULL OR res."capacity" >= orphan."seats")
        ORDER BY res."capacity" NULLS LAST, res."name", res."id"
      LOOP
        SELECT array_agg(u ORDER BY u) INTO free_units FROM (
          SELECT u FROM generate_series(1, pool.units) u
          WHERE NOT EXISTS (SELECT 1 FROM "reservation_allocations" a
                            WHERE a."resource_id" = pool."resource_id" AND a."unit" = u
                              AND a."occupied" && span)
          ORDER BY u LIMIT pool."quantity") f;
        IF coalesce(array_length(free_units, 1), 0) >= pool."quantity" THEN
          planned := planned || (SELECT jsonb_agg(jsonb_build_object('r', pool."resource_id", 'u', u))
                                 FROM unnest(free_units) u);
          ok := true;
          EXIT;
        END IF;
      END LOOP;
    END IF;
    IF ok AND jsonb_array_length(planned) > 0 THEN
      INSERT INTO "reservation_allocations"
        ("organization_id", "resource_id", "unit", "occupied", "occurrence_id")
      SELECT orphan."organization_id", (p->>'r')::uuid, (p->>'u')::integer, span, orphan."id"
      FROM jsonb_array_elements(planned) p;
      changed := changed + 1;
    ELSE
      RAISE WARNING 'reservation session % has live members but its resources are taken: move them', orphan."id";
    END IF;
  END LOOP;

  -- (d) Seats as they are; a session already over its limit keeps its members (never evicted).
  UPDATE "reservation_occurrences" o SET
    "seats_taken" = t.seats,
    "seat_limit" = greatest(o."seat_limit", t.seats)
  FROM (
    SELECT o2."id",
      (SELECT coalesce(sum(r."party_size"), 0) FROM "reservations" r
        WHERE r."occurrence_id" = o2."id" AND r."status" <> 'cancelled')
      + (SELECT coalesce(sum(h."party_size"), 0) FROM "reservation_holds" h
        WHERE h."occurrence_id" = o2."id") AS seats
    FROM "reservation_occurrences" o2
  ) t
  WHERE t."id" = o."id" AND (o."seats_taken" <> t.seats OR o."seat_limit" < t.seats);
  GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
  RETURN changed;
END $fn$;
--> statement-breakpoint
SELECT "reservation_integrity_repair"();
--> statement-breakpoint
ALTER TABLE "reservation_occurrences" ADD CONSTRAINT "occurrences_seats_taken" CHECK ("reservation_occurrences"."seats_taken" >= 0 and "reservation_occurrences"."seats_taken" <= "reservation_occurrences"."seat_limit");
--> statement-breakpoint

-- 1. seats_taken follows the members. Runs inside the member's statement, so an overfull
--    session fails that statement (occurrences_seats_taken → 409 capacity_full).
CREATE FUNCTION "reservations_keep_seats_taken"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_seats integer := 0;
  new_seats integer := 0;
BEGIN
  -- OLD is unset on INSERT and NEW on DELETE: each is read only under its own TG_OP.
  IF TG_OP <> 'INSERT' THEN
    IF OLD."occurrence_id" IS NOT NULL AND OLD."status" <> 'cancelled' THEN
      old_seats := OLD."party_size";
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."occurrence_id" IS NOT NULL AND NEW."status" <> 'cancelled' THEN
      new_seats := NEW."party_size";
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD."occurrence_id" IS NOT DISTINCT FROM NEW."occurrence_id" THEN
      IF new_seats <> old_seats THEN
        UPDATE "reservation_occurrences" SET "seats_taken" = "seats_taken" + new_seats - old_seats
        WHERE "id" = NEW."occurrence_id";
      END IF;
      RETURN NULL;
    END IF;
  END IF;
  IF old_seats > 0 THEN
    UPDATE "reservation_occurrences" SET "seats_taken" = "seats_taken" - old_seats
    WHERE "id" = OLD."occurrence_id";
  END IF;
  IF new_seats > 0 THEN
    UPDATE "reservation_occurrences" SET "seats_taken" = "seats_taken" + new_seats
    WHERE "id" = NEW."occurrence_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "reservations_seats_taken"
AFTER INSERT OR DELETE OR UPDATE OF "occurrence_id", "status", "party_size" ON "reservations"
FOR EACH ROW EXECUTE FUNCTION "reservations_keep_seats_taken"();
--> statement-breakpoint
CREATE FUNCTION "holds_keep_seats_taken"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF OLD."occurrence_id" IS NOT NULL THEN
      UPDATE "reservation_occurrences" SET "seats_taken" = "seats_taken" - OLD."party_size"
      WHERE "id" = OLD."occurrence_id";
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW."occurrence_id" IS NOT NULL THEN
      UPDATE "reservation_occurrences" SET "seats_taken" = "seats_taken" + NEW."party_size"
      WHERE "id" = NEW."occurrence_id";
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "holds_seats_taken"
AFTER INSERT OR DELETE OR UPDATE OF "occurrence_id", "party_size" ON "reservation_holds"
FOR EACH ROW EXECUTE FUNCTION "holds_keep_seats_taken"();
--> statement-breakpoint

-- 2. At commit: what is live owns an allocation that covers it, and what owns an
--    allocation is live. "Live" is a reservation that is not cancelled, or a hold row
--    (expired holds are swept by the next write, with their allocation, in one statement).
--    `entering`: a member has just joined this session, so it must own an allocation covering
--    every live member; a member only leaving a session checks that the session does not keep
--    an allocation for nobody (so staff can still move people out of a session an earlier
--    version left broken).
CREATE FUNCTION "reservation_integrity_occurrence"(occ uuid, entering boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  has_member boolean;
  has_allocation boolean;
BEGIN
  IF occ IS NULL OR NOT EXISTS (SELECT 1 FROM "reservation_occurrences" WHERE "id" = occ) THEN
    RETURN;
  END IF;
  has_allocation := EXISTS (SELECT 1 FROM "reservation_allocations" WHERE "occurrence_id" = occ);
  has_member := EXISTS (SELECT 1 FROM "reservations"
                        WHERE "occurrence_id" = occ AND "status" <> 'cancelled')
             OR EXISTS (SELECT 1 FROM "reservation_holds" WHERE "occurrence_id" = occ);
  IF has_allocation AND NOT has_member THEN
    RAISE EXCEPTION 'session % keeps an allocation but has no live member', occ
      USING ERRCODE = '23514', CONSTRAINT = 'reservation_integrity_allocation_owner';
  END IF;
  IF entering AND has_member THEN
    IF NOT has_allocation THEN
      RAISE EXCEPTION 'session % has live members but owns no allocation', occ
        USING ERRCODE = '23514', CONSTRAINT = 'reservation_integrity_occurrence_allocated';
    END IF;
    IF EXISTS (SELECT 1 FROM "reservations" r
               JOIN "reservation_allocations" a ON a."occurrence_id" = occ
               WHERE r."occurrence_id" = occ AND r."status" <> 'cancelled'
                 AND NOT a."occupied" @> tstzrange(r."start_datetime", r."end_datetime", '[)'))
       OR EXISTS (SELECT 1 FROM "reservation_holds" h
                  JOIN "reservation_allocations" a ON a."occurrence_id" = occ
                  WHERE h."occurrence_id" = occ
                    AND NOT a."occupied" @> tstzrange(h."start_datetime", h."end_datetime", '[)'))
    THEN
      RAISE EXCEPTION 'session % has a member its allocation does not cover', occ
        USING ERRCODE = '23514', CONSTRAINT = 'reservation_integrity_allocation_covers';
    END IF;
  END IF;
END $$;
--> statement-breakpoint
-- A reservation outside any session: live ⇔ owns allocation rows covering it.
CREATE FUNCTION "reservation_integrity_private"(res uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  SELECT "status", "occurrence_id", "start_datetime", "end_datetime" INTO r
  FROM "reservations" WHERE "id" = res;
  IF NOT FOUND THEN RETURN; END IF;
  IF r."occurrence_id" IS NOT NULL OR r."status" = 'cancelled' THEN
    IF EXISTS (SELECT 1 FROM "reservation_allocations" WHERE "reservation_id" = res) THEN
      RAISE EXCEPTION 'reservation % keeps allocation rows it must not own', res
        USING ERRCODE = '23514', CONSTRAINT = 'reservation_integrity_allocation_owner';
    END IF;
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "reservation_allocations" WHERE "reservation_id" = res) THEN
    RAISE EXCEPTION 'live reservation % owns no allocation', res
      USING ERRCODE = '23514', CONSTRAINT = 'reservation_integrity_reservation_allocated';
  END IF;
  IF EXISTS (SELECT 1 FROM "reservation_allocations"
             WHERE "reservation_id" = res
               AND NOT "occupied" @> tstzrange(r."start_datetime", r."end_datetime", '[)')) THEN
    RAISE EXCEPTION 'reservation % is not covered by its allocation', res
      USING ERRCODE = '23514', CONSTRAINT = 'reservation_integrity_allocation_covers';
  END IF;
END $$;
--> statement-breakpoint
-- A hold outside any session owns allocation rows while it exists.
CREATE FUNCTION "reservation_integrity_hold"(hid uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "reservation_holds" WHERE "id" = hid AND "occurrence_id" IS NULL)
     AND NOT EXISTS (SELECT 1 FROM "reservation_allocations" WHERE "hold_id" = hid) THEN
    RAISE EXCEPTION 'hold % owns no allocation', hid
      USING ERRCODE = '23514', CONSTRAINT = 'reservation_integrity_reservation_allocated';
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION "reservations_check_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entering boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "reservation_integrity_occurrence"(OLD."occurrence_id", false);
    RETURN NULL;
  END IF;
  entering := NEW."status" <> 'cancelled';
  IF TG_OP = 'UPDATE' THEN
    IF OLD."occurrence_id" IS NOT DISTINCT FROM NEW."occurrence_id" THEN
      entering := entering AND OLD."status" = 'cancelled';
    ELSE
      PERFORM "reservation_integrity_occurrence"(OLD."occurrence_id", false);
    END IF;
  END IF;
  PERFORM "reservation_integrity_private"(NEW."id");
  PERFORM "reservation_integrity_occurrence"(NEW."occurrence_id", entering);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reservations_integrity"
AFTER INSERT OR DELETE OR UPDATE OF "occurrence_id", "status", "start_datetime", "end_datetime"
ON "reservations" DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "reservations_check_integrity"();
--> statement-breakpoint
CREATE FUNCTION "holds_check_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "reservation_integrity_hold"(NEW."id");
    PERFORM "reservation_integrity_occurrence"(NEW."occurrence_id", true);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "reservation_integrity_occurrence"(OLD."occurrence_id", false);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "holds_integrity"
AFTER INSERT OR DELETE OR UPDATE OF "occurrence_id" ON "reservation_holds"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "holds_check_integrity"();
--> statement-breakpoint
CREATE FUNCTION "allocations_check_integrity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "reservation_integrity_private"(NEW."reservation_id");
    PERFORM "reservation_integrity_occurrence"(NEW."occurrence_id", false);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "reservation_integrity_private"(OLD."reservation_id");
    PERFORM "reservation_integrity_hold"(OLD."hold_id");
    -- Its session must not be left with members and no allocation.
    PERFORM "reservation_integrity_occurrence"(OLD."occurrence_id", true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "allocations_integrity"
AFTER INSERT OR DELETE OR UPDATE ON "reservation_allocations"
DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION "allocations_check_integrity"();
