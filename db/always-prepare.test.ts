import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { afterAll, describe, expect, it } from 'vitest';
import { alwaysPrepare } from './always-prepare';

/**
 * The booking path runs in transactions; without this, each of its parameterized queries
 * costs a describe round trip and stalls the pipeline (db/always-prepare.ts). A named
 * prepared statement shows in `pg_prepared_statements` of the connection that ran it.
 */
const url = process.env.DATABASE_URL;

describe.skipIf(!url)('alwaysPrepare (PostgreSQL)', () => {
  const client = alwaysPrepare(postgres(url!, { max: 1, onnotice: () => {} }));
  const db = drizzle({ client });
  afterAll(() => client.end());

  const preparedLike = (q: postgres.Sql | postgres.TransactionSql, marker: string) =>
    q.unsafe(
      `select count(*)::int as n from pg_prepared_statements where statement like '%' || $1 || '%' and statement not like '%pg_prepared_statements%'`,
      [marker],
    );

  it('prepares queries sent on the pool', async () => {
    await client.unsafe('select $1::int + 101 as x', [1]);
    expect((await preparedLike(client, '+ 101'))[0]!.n).toBe(1);
  });

  it('prepares queries inside begin() and savepoint()', async () => {
    await client.begin(async (tx) => {
      await tx.unsafe('select $1::int + 202 as x', [1]);
      expect((await preparedLike(tx, '+ 202'))[0]!.n).toBe(1);
      await tx.savepoint(async (sp) => {
        await sp.unsafe('select $1::int + 303 as x', [1]);
        expect((await preparedLike(sp, '+ 303'))[0]!.n).toBe(1);
      });
    });
  });

  it('prepares drizzle queries in drizzle transactions, nested ones included', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int + 404 as x`);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select ${1}::int + 505 as x`);
      });
    });
    expect((await preparedLike(client, '+ 404'))[0]!.n).toBe(1);
    expect((await preparedLike(client, '+ 505'))[0]!.n).toBe(1);
  });

  it('a prepared statement runs again with other values and the same answer shape', async () => {
    await client.begin(async (tx) => {
      for (const v of [1, 2, 3]) {
        const [row] = await tx.unsafe('select $1::int * 2 as doubled', [v]);
        expect(row!.doubled).toBe(v * 2);
      }
    });
  });
});
