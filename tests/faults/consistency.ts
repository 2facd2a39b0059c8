import type postgres from 'postgres';
import { expect } from 'vitest';

/**
 * Nothing half-written, by SQL over what is stored: every live reservation owns an allocation,
 * no allocation points at a missing reservation, no contact of the test's bookings (named
 * `${contactPrefix}…`) is left without one, and no history row without its reservation.
 */
export async function expectNothingHalfWritten(sql: postgres.Sql, contactPrefix: string) {
  const [orphans] = await sql`
    select
      (select count(*) from reservations r
        where r.status in ('pending', 'confirmed')
          and not exists (select 1 from reservation_allocations a where a.reservation_id = r.id)
      )::int as without_allocation,
      (select count(*) from reservation_allocations a
        where a.reservation_id is not null
          and not exists (select 1 from reservations r where r.id = a.reservation_id)
      )::int as dangling_allocations,
      (select count(*) from contacts c
        where c.name like ${`${contactPrefix}%`}
          and not exists (select 1 from reservations r where r.contact_id = c.id)
      )::int as contacts_without_booking,
      (select count(*) from reservation_status_changes h
        where not exists (select 1 from reservations r where r.id = h.reservation_id)
      )::int as history_without_booking`;
  expect(orphans).toEqual({
    without_allocation: 0,
    dangling_allocations: 0,
    contacts_without_booking: 0,
    history_without_booking: 0,
  });
}
