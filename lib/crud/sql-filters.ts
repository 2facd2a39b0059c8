import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Filter, SortKey } from '@/lib/http/query';

/**
 * An instant is answered to the millisecond (§0) but PostgreSQL keeps microseconds, so an
 * instant filter means the whole millisecond it names: `created_at=<what a GET answered>`
 * finds the record, `[$gt]` of it leaves it out. Written as ranges, so indexes still serve.
 */
function instantToSql(column: PgColumn, op: Filter['op'], at: Date): SQL | undefined {
  const next = new Date(at.getTime() + 1);
  const within = and(gte(column, at), lt(column, next))!;
  switch (op) {
    case 'eq':
      return within;
    case 'ne':
      return or(sql`${column} is null`, sql`not (${within})`);
    case 'gt':
      return gte(column, next);
    case 'gte':
      return gte(column, at);
    case 'lt':
      return lt(column, at);
    case 'lte':
      return lt(column, next);
    case 'in':
      return undefined;
  }
}

/** Typed §0 filters → SQL on the named columns. */
export function filterToSql(column: PgColumn, filter: Filter): SQL | undefined {
  const { op, value } = filter;
  if (value instanceof Date) return instantToSql(column, op, value);
  if (op === 'in' && Array.isArray(value) && value.length && value[0] instanceof Date) {
    return or(...(value as Date[]).map((at) => instantToSql(column, 'eq', at)));
  }
  switch (op) {
    case 'eq':
      return value === null ? sql`${column} is null` : eq(column, value);
    case 'ne':
      return sql`${column} is distinct from ${value}`;
    case 'in':
      return (value as unknown[]).length ? inArray(column, value as unknown[]) : sql`false`;
    case 'gt':
      return gt(column, value);
    case 'gte':
      return gte(column, value);
    case 'lt':
      return lt(column, value);
    case 'lte':
      return lte(column, value);
  }
}

export function filtersToSql(columns: Record<string, PgColumn>, filters: Filter[]): SQL[] {
  return filters.map((f) => filterToSql(columns[f.field]!, f)).filter((c): c is SQL => !!c);
}

/** `%`, `_` and `\` in search text are literal. */
export function searchToSql(columns: PgColumn[], text: string): SQL | undefined {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((c) => ilike(c, pattern)));
}

export function sortToSql(columns: Record<string, PgColumn>, sort: SortKey[]): SQL[] {
  return sort.map((s) => (s.direction === 1 ? asc(columns[s.field]!) : desc(columns[s.field]!)));
}

export { and, ne };
