import qs from 'qs';
import { validationError, type ErrorDetail } from './errors';

/** Parses a query string like the `qs` library (§0), safely: null-prototype objects, bounded depth. */
export function parseQueryString(search: string): Record<string, unknown> {
  return qs.parse(search.startsWith('?') ? search.slice(1) : search, {
    depth: 4,
    parameterLimit: 200,
    arrayLimit: 100,
    allowPrototypes: false,
    plainObjects: true,
    strictDepth: false,
  }) as Record<string, unknown>;
}

export type FieldKind =
  'uuid' | 'string' | 'boolean' | 'integer' | 'instant' | 'date' | { enum: readonly string[] };

export type FilterOp = 'eq' | 'ne' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';
export interface Filter {
  field: string;
  op: FilterOp;
  value: unknown;
}
export interface SortKey {
  field: string;
  direction: 1 | -1;
}
export interface ListQuery {
  limit: number;
  skip: number;
  sort: SortKey[];
  filters: Filter[];
  search?: string;
  /** Parameters the caller declared as `extra` (e.g. `date` on reservations), as sent. */
  extra: Record<string, unknown>;
}

export interface ListQuerySpec {
  filters: Record<string, FieldKind>;
  sortable: readonly string[];
  searchable?: boolean;
  extra?: readonly string[];
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export const isUuid = (v: string) => UUID.test(v);

export function isValidDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** An ISO 8601 instant with an explicit offset (§0), as epoch ms, or null. */
export function parseInstant(v: string): number | null {
  if (!INSTANT.test(v) || !isValidDate(v.slice(0, 10))) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

function coerce(kind: FieldKind, raw: unknown, path: string, issues: ErrorDetail[]): unknown {
  if (typeof raw !== 'string') {
    issues.push({ path, message: 'Expected a single value.' });
    return undefined;
  }
  const bad = (message: string) => {
    issues.push({ path, message });
    return undefined;
  };
  if (typeof kind === 'object') {
    return kind.enum.includes(raw) ? raw : bad(`Expected one of: ${kind.enum.join(', ')}.`);
  }
  switch (kind) {
    case 'uuid':
      return UUID.test(raw) ? raw.toLowerCase() : bad('Expected a UUID.');
    case 'string':
      return raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : bad('Expected true or false.');
    case 'integer':
      return /^-?\d{1,15}$/.test(raw) ? Number(raw) : bad('Expected an integer.');
    case 'date':
      return isValidDate(raw) ? raw : bad('Expected a date YYYY-MM-DD.');
    case 'instant': {
      const ms = parseInstant(raw);
      return ms === null ? bad('Expected an ISO 8601 instant with an offset.') : new Date(ms);
    }
  }
}

function parseNonNegativeInt(
  raw: unknown,
  path: string,
  issues: ErrorDetail[],
): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    issues.push({ path, message: 'Expected a non-negative integer.' });
    return undefined;
  }
  return Number(raw);
}

function parseSort(raw: unknown, spec: ListQuerySpec, issues: ErrorDetail[]): SortKey[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({ path: '$sort', message: 'Use $sort[field]=1 or $sort[field]=-1.' });
    return [];
  }
  const keys: SortKey[] = [];
  for (const [field, dir] of Object.entries(raw)) {
    if (!spec.sortable.includes(field)) {
      issues.push({ path: `$sort.${field}`, message: `Cannot sort by ${field}.` });
    } else if (dir !== '1' && dir !== '-1') {
      issues.push({ path: `$sort.${field}`, message: 'Sort direction must be 1 or -1.' });
    } else {
      keys.push({ field, direction: dir === '1' ? 1 : -1 });
    }
  }
  return keys;
}

function parseFilter(
  field: string,
  kind: FieldKind,
  raw: unknown,
  issues: ErrorDetail[],
): Filter[] {
  if (typeof raw !== 'object' || raw === null) {
    return [{ field, op: 'eq', value: coerce(kind, raw, field, issues) }];
  }
  if (Array.isArray(raw)) {
    issues.push({ path: field, message: 'Use field[$in][]=a&field[$in][]=b for several values.' });
    return [];
  }
  const filters: Filter[] = [];
  for (const [op, value] of Object.entries(raw)) {
    const path = `${field}.${op}`;
    if (op === '$in') {
      const values = Array.isArray(value)
        ? value
        : typeof value === 'object' && value
          ? Object.values(value)
          : [value];
      filters.push({
        field,
        op: 'in',
        value: values.map((v, i) => coerce(kind, v, `${path}.${i}`, issues)),
      });
    } else if (op === '$ne') {
      filters.push({ field, op: 'ne', value: coerce(kind, value, path, issues) });
    } else if (RANGE_OPS.has(op) && (kind === 'instant' || kind === 'integer' || kind === 'date')) {
      filters.push({
        field,
        op: op.slice(1) as FilterOp,
        value: coerce(kind, value, path, issues),
      });
    } else {
      issues.push({ path, message: `Unsupported operator ${op} on ${field}.` });
    }
  }
  return filters;
}

/**
 * Turns a parsed query into pagination, sort and typed filters, refusing anything the
 * collection does not declare (§0: unknown filter fields → 400). `organization_id` has
 * already been checked and removed by the router.
 */
export function parseListQuery(query: Record<string, unknown>, spec: ListQuerySpec): ListQuery {
  const issues: ErrorDetail[] = [];
  const limit = parseNonNegativeInt(query.$limit, '$limit', issues) ?? DEFAULT_LIMIT;
  const skip = parseNonNegativeInt(query.$skip, '$skip', issues) ?? 0;
  const sort = parseSort(query.$sort, spec, issues);
  let search: string | undefined;
  const filters: Filter[] = [];
  const extra: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(query)) {
    if (key === '$limit' || key === '$skip' || key === '$sort') continue;
    if (key === '$search' && spec.searchable) {
      if (typeof raw !== 'string') issues.push({ path: '$search', message: 'Expected text.' });
      else search = raw.trim() || undefined;
    } else if (spec.extra?.includes(key)) {
      extra[key] = raw;
    } else if (Object.hasOwn(spec.filters, key)) {
      filters.push(...parseFilter(key, spec.filters[key]!, raw, issues));
    } else {
      issues.push({ path: key, message: `Unknown query parameter ${key}.` });
    }
  }
  if (issues.length) throw validationError('The query string is invalid.', issues);
  return { limit: Math.min(limit, MAX_LIMIT), skip, sort, filters, search, extra };
}
