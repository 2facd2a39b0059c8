import fc from 'fast-check';
import { encode } from './fixture';

/**
 * Hostile values, JSON bodies and query strings for tests/security/fuzz.test.ts (not a test
 * file itself): wrong types, huge and NaN-like numbers, deep nesting, long unicode,
 * SQL-looking text, prototype keys, bodies over 1 MiB, invalid JSON and UTF-8, malformed
 * escapes.
 */

const MIB = 1024 * 1024;

// ---- values -----------------------------------------------------------------------------

export const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
export const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

export const hostileStrings = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '1_000',
  '',
  ' ',
  '\u0000',
  'null',
  'undefined',
  "'; DROP TABLE reservations; --",
  "1' OR '1'='1",
  '") OR 1=1 --',
  '%',
  '_',
  '\\',
  '$1',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '2027-02-30',
  '2027-03-14T25:00:00Z',
  '2027-03-14T15:00:00',
  '+275760-09-13T00:00:00Z',
  '9999-12-31',
  '9999-12-30',
  '0001-01-01',
  '0000-01-01',
  '0099-12-31',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:00:00-14:00',
  '0001-01-01T00:00:00+14:00',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  '24:00',
  '99:99',
  'Europe/Nowhere',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  '\u202e\u0301\ud83d\ude00',
  '\ud800',
);

export const hostileNumbers = fc.constantFrom(
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 63),
  1e21,
);

export const longUnicode = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 2000, maxLength: 4000 }),
  fc.constant('😀'.repeat(30_000)),
  fc.constant('ß\u0301'.repeat(50_000)),
);

export const scalar = fc.oneof(
  { weight: 3, arbitrary: hostileStrings },
  { weight: 2, arbitrary: hostileNumbers },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: longUnicode },
);

/** JSON text of a value: scalars, arrays and objects with hostile keys, deep nesting. */
export const hostileKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'organization_id',
  'id',
  'created_at',
  '$where',
  '',
  'a.b',
  'toString',
);

export function valueText(fields: string[]): fc.Arbitrary<string> {
  const key = fields.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fields) }, hostileKeys)
    : hostileKeys;
  const { value } = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: scalar.map((v) => JSON.stringify(v) ?? 'null') },
      {
        weight: 1,
        arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
      },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.tuple(key, tie('value')), { maxLength: 4 })
          .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
      },
      { weight: 1, arbitrary: fc.constantFrom(deepObject(1000), deepArray(1000)) },
    ),
  }));
  return value;
}

// ---- bodies -----------------------------------------------------------------------------

export interface Body {
  text?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
}

export function bodyArbitrary(fields: string[]): fc.Arbitrary<Body> {
  const value = valueText(fields);
  const key = fields.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, hostileKeys)
    : hostileKeys;
  // Objects with the route's own fields (and a few hostile ones) set to hostile values.
  const object = fc
    .array(fc.tuple(key, value), { minLength: 1, maxLength: 6 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
  const text = fc.oneof(
    { weight: 6, arbitrary: object },
    { weight: 1, arbitrary: value },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"a":}',
        "{'a':1}",
        '{"a":1,}',
        'NaN',
        '[]',
        '[{}]',
        '"text"',
        'null',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        deepObject(1000),
        deepArray(1000),
        `{"notes":${deepObject(1000)}}`,
        `{"custom_fields_by_key":{"tier":${deepArray(1000)}}}`,
        `{"name":"${'x'.repeat(MIB + 10)}"}`,
        `{"notes":"${'é'.repeat(MIB / 2 - 20)}"}`,
        `[${'1,'.repeat(300_000)}1]`,
      ),
    },
  );
  const bytes = fc.constantFrom(
    new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    new Uint8Array(MIB + 1).fill(0x20),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'image/png',
    undefined,
  );
  return fc.record({ text: fc.oneof({ weight: 9, arbitrary: text }, bytes), contentType });
}

// ---- query strings ----------------------------------------------------------------------

export function queryArbitrary(params: string[]): fc.Arbitrary<string> {
  const names = fc.oneof(
    ...(params.length ? [{ weight: 4, arbitrary: fc.constantFrom(...params) }] : []),
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '$limit',
        '$skip',
        '$sort',
        '$sort[__proto__]',
        '$search',
        '__proto__[polluted]',
        'constructor[prototype][polluted]',
        'a[b][c][d][e][f][g][h]',
        'organization_id',
        'organization_id[$ne]',
        '$or[0][name]',
        'status[$in][]',
        'status[$in][0][$gt]',
        'x[]',
        '[]',
        'service_id',
        'date',
        'party_size',
      ),
    },
  );
  const raw = fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%ff%fe', '+', '&&', '==', '%5B%5D');
  const value = fc.oneof(
    { weight: 4, arbitrary: scalar.map((v) => encode(String(v))) },
    { weight: 1, arbitrary: raw },
  );
  const pairs = fc
    .array(fc.tuple(names, value), { maxLength: 8 })
    .map((ps) =>
      ps.map(([n, v]) => `${encode(n).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${v}`).join('&'),
    );
  return fc.oneof(
    { weight: 8, arbitrary: pairs },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'a=1&'.repeat(1000),
        `x=${'y'.repeat(100_000)}`,
        `${'a['.repeat(50)}${']'.repeat(50)}=1`,
        '$limit=-1',
        '$limit=1e999',
        '$limit=NaN',
        '$limit[]=1',
        '$skip=99999999999999999999',
        '$sort=1',
        `organization_id=00000000-0000-4000-8000-000000000000`,
        `status[$in][]=${'a'.repeat(10)}&`.repeat(150),
      ),
    },
  );
}
