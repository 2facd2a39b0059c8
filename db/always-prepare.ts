import type { Sql, TransactionSql } from 'postgres';

/**
 * Makes every parameterized query of a postgres.js handle a named prepared statement, in
 * transactions and savepoints too.
 *
 * Drizzle sends its queries with `prepare: false`. For such a query postgres.js first asks
 * the server to describe it (to learn the parameter types), waits for the answer, and only
 * then binds and executes it: two round trips, and nothing behind it in the pipeline can go
 * out meanwhile. A prepared statement is described once per connection and then costs one
 * round trip, so the booking path's batches really go out together — and PostgreSQL does not
 * parse and plan each query again.
 */
type Unsafe = Sql['unsafe'];
type Handle = { unsafe: Unsafe; begin?: unknown; savepoint?: unknown };

export function alwaysPrepare<T extends Handle>(sql: T): T {
  const unsafe = sql.unsafe.bind(sql) as Unsafe;
  sql.unsafe = ((query: string, params?: unknown[], options?: object) =>
    unsafe(query, params as never, { ...options, prepare: true })) as Unsafe;

  // begin(options?, fn) and savepoint(name?, fn): the callback receives a new handle.
  for (const method of ['begin', 'savepoint'] as const) {
    const original = sql[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (typeof original !== 'function') continue;
    (sql as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const last = args.length - 1;
      const fn = args[last] as (tx: TransactionSql) => unknown;
      args[last] = (tx: TransactionSql) => fn(alwaysPrepare(tx));
      return original.apply(sql, args);
    };
  }
  return sql;
}
