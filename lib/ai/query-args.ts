import { z } from 'zod';
import type { CollectionDef } from '@/lib/crud/collection';
import { MAX_LIMIT, type FieldKind } from '@/lib/http/query';
import { dateSchema, instantSchema, uuidSchema } from '@/lib/validation/fields';

/**
 * The arguments of a list tool, generated from the collection's declaration so that they
 * accept exactly what `parseListQuery` accepts for it (§0 lists): `$limit`, `$skip`, `$sort`,
 * each declared filter with its operators, `$search` when the collection is searchable, and
 * the collection's extra parameters (e.g. reservations' `date`).
 *
 * Tool arguments are JSON, so numbers and booleans are JSON numbers and booleans; the tool
 * turns them into the strings a query string would carry (`toQueryValues`) and hands the
 * result to the same domain function as the route, so the answer equals the REST answer for
 * the same values sent as a query string.
 */

/** Integers the query parser reads (`-?\d{1,15}`), as JSON numbers. */
const MAX_QUERY_INT = 999_999_999_999_999;
/** qs turns longer arrays into objects and caps a query at 200 parameters; keep clear of both. */
const MAX_IN_VALUES = 100;

function scalar(kind: FieldKind): z.ZodType {
  if (typeof kind === 'object') return z.enum(kind.enum as [string, ...string[]]);
  switch (kind) {
    case 'uuid':
      return uuidSchema;
    case 'string':
      return z.string();
    case 'boolean':
      return z.boolean();
    case 'integer':
      return z.int().min(-MAX_QUERY_INT).max(MAX_QUERY_INT);
    case 'date':
      return dateSchema;
    case 'instant':
      return instantSchema;
  }
}

const RANGE_KINDS = new Set<FieldKind>(['instant', 'integer', 'date']);

/** `field: value` or `field: {$in: [...], $ne, $gt, $gte, $lt, $lte}` (ranges on ordered kinds). */
function filter(kind: FieldKind): z.ZodType {
  const value = scalar(kind);
  const operators: Record<string, z.ZodType> = {
    $in: z.array(value).min(1).max(MAX_IN_VALUES).optional(),
    $ne: value.optional(),
  };
  if (RANGE_KINDS.has(kind)) {
    for (const op of ['$gt', '$gte', '$lt', '$lte']) operators[op] = value.optional();
  }
  return z.union([value, z.strictObject(operators)]);
}

export interface ListArgsOptions {
  /** The kind of each of the collection's `extraParams` (they are validated by the domain). */
  extraKinds?: Record<string, FieldKind>;
}

export function listArgsSchema(def: CollectionDef, options: ListArgsOptions = {}) {
  const direction = z.union([z.literal(1), z.literal(-1)]);
  const shape: Record<string, z.ZodType> = {
    $limit: z
      .int()
      .min(0)
      .max(MAX_QUERY_INT)
      .optional()
      .describe(`Page size: default 10, at most ${MAX_LIMIT} (a larger value is clamped).`),
    $skip: z.int().min(0).max(MAX_QUERY_INT).optional().describe('Records to skip (default 0).'),
    $sort: z
      .strictObject(Object.fromEntries(def.sortable.map((field) => [field, direction.optional()])))
      .optional()
      .describe('Sort keys in order of precedence: 1 ascending, -1 descending.'),
  };
  if (def.search?.length || def.searchSql) shape.$search = z.string().optional();
  for (const [field, kind] of Object.entries(def.filters)) shape[field] = filter(kind).optional();
  for (const name of def.extraParams?.names ?? []) {
    const kind = options.extraKinds?.[name];
    if (!kind) throw new Error(`The kind of ${def.path}'s parameter ${name} is not declared.`);
    shape[name] = scalar(kind).optional();
  }
  return z.strictObject(shape);
}

/**
 * The JSON twin of a query-string schema (e.g. §8's `SlotQuerySchema`): a field a query string
 * carries as digits (a string → integer pipe) takes a JSON integer with the same bounds;
 * everything else is the endpoint's own validator.
 */
export function jsonQueryArgs(schema: z.ZodObject): z.ZodObject {
  return z.strictObject(
    Object.fromEntries(
      Object.entries(schema.shape).map(([name, field]) => [name, jsonField(field as z.ZodType)]),
    ),
  );
}

function jsonField(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodOptional) return jsonField(field.unwrap() as z.ZodType).optional();
  if (
    field instanceof z.ZodPipe &&
    field.out instanceof z.ZodNumber &&
    readsText(field.in as z.ZodType)
  ) {
    return field.out;
  }
  return field;
}

const readsText = (schema: z.ZodType): boolean =>
  schema instanceof z.ZodString ||
  (schema instanceof z.ZodPipe && readsText(schema.in as z.ZodType));

/** JSON arguments → the parsed query string the route would see (every scalar a string). */
export function toQueryValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toQueryValues);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toQueryValues(v)]));
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}
