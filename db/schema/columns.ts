import { sql } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders so every table spells ids, tenancy and timestamps the same way. */
export const id = () => uuid('id').primaryKey().defaultRandom();

export const organizationId = () => uuid('organization_id').notNull();

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A PostgreSQL `tstzrange`, written and read as its text form `[a,b)`. */
export const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

export const nowSql = sql`now()`;
