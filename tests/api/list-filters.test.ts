import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, routes } from '@/lib/api/routes';
import type { CollectionDef } from '@/lib/crud/collection';
import { columnFilters } from '@/lib/crud/column-filters';
import { buildOpenApiDocument, openApiPath } from '@/lib/openapi';
import { reservationsCollection } from '@/lib/reservations/list';
import { call } from '../helpers/api';
import { createFixture, type Fixture } from '../security/fixture';

/**
 * Issue 17, point 3: every collection's list filters on `id` and on each id, boolean, date
 * and instant field of its records, with the operators of its kind; each filter is in the
 * API reference; and each one works on a real record (it selects the record, `$ne` leaves it
 * out, the ranges cut at its value).
 */

const lists: CollectionDef[] = [...collections, reservationsCollection];
const doc = buildOpenApiDocument({ routes, collections });
type Op = { parameters?: { name: string }[] };

describe('list filters', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture();
  }, 120_000);

  describe.each(lists.map((def) => [def.path, def] as const))('/%s', (_, def) => {
    const base = `/${def.path}`;
    const expected = columnFilters(def.table, def.internalColumns);

    it('declares id and every id, boolean, date and instant field, and documents them', () => {
      expect(def.filters.id).toBe('uuid');
      const op = (doc.paths as Record<string, Record<string, Op>>)[openApiPath(base)]!.get!;
      const names = new Set(op.parameters?.map((p) => p.name));
      for (const [field, kind] of Object.entries(expected)) {
        expect(def.filters[field], field).toEqual(kind);
        for (const suffix of ['', '[$ne]', '[$in][]']) expect(names).toContain(field + suffix);
        if (kind === 'instant' || kind === 'date') {
          for (const op of ['$gt', '$gte', '$lt', '$lte'])
            expect(names).toContain(`${field}[${op}]`);
        }
      }
    });

    it('selects by them on a real record; unknown fields stay a 400', async () => {
      const id = fx.ids[base];
      expect(id, 'a fixture record').toBeDefined();
      const record = (await call('GET', `${base}/${id}`, { key: fx.org.key })).body;
      const count = async (query: string) => {
        const res = await call('GET', `${base}?${query}`, { key: fx.org.key });
        expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
        return (res.body.data as { id: string }[]).filter((r) => r.id === id).length;
      };
      const e = encodeURIComponent;
      expect(await count(`id[$in][]=${id}&id[$in][]=${randomUUID()}`)).toBe(1);
      expect(await count(`id[$ne]=${id}&$limit=50`)).toBe(0);
      for (const [field, kind] of Object.entries(expected)) {
        const value = record[field];
        if (value === null || value === undefined || field === 'id') continue;
        const v = e(String(value));
        const only = `id=${id}&`;
        expect(await count(`${only}${field}=${v}`), `${field}=`).toBe(1);
        expect(await count(`${only}${field}[$in][]=${v}`), `${field}[$in]`).toBe(1);
        expect(await count(`${only}${field}[$ne]=${v}`), `${field}[$ne]`).toBe(0);
        if (kind === 'instant' || kind === 'date') {
          expect(await count(`${only}${field}[$gte]=${v}`), `${field}[$gte]`).toBe(1);
          expect(await count(`${only}${field}[$lte]=${v}`), `${field}[$lte]`).toBe(1);
          expect(await count(`${only}${field}[$gt]=${v}`), `${field}[$gt]`).toBe(0);
          expect(await count(`${only}${field}[$lt]=${v}`), `${field}[$lt]`).toBe(0);
        }
      }
      const unknown = await call('GET', `${base}?no_such_field=1`, { key: fx.org.key });
      expect(unknown.status).toBe(400);
    });
  });
});
