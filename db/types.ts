import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** Both drivers (PGlite and postgres.js) produce this; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
