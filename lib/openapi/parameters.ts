import type { z } from 'zod';
import { MAX_LIMIT, type FieldKind, type ListQuerySpec } from '@/lib/http/query';
import { toJsonSchema, type JsonSchema } from './json-schema';
import { pathParams } from './paths';

/** Path, query and §0 list parameters of an operation. */

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  style?: 'form' | 'deepObject';
  explode?: boolean;
  schema: JsonSchema;
}

export function pathParameters(routePath: string): Parameter[] {
  return pathParams(routePath).map((name) => ({
    name,
    in: 'path',
    required: true,
    // A malformed id names no record: 404, like a missing one.
    schema: name === 'id' ? { type: 'string', format: 'uuid' } : { type: 'string' },
  }));
}

/** One parameter per top-level property of the query schema. */
export function queryParameters(
  schema: z.ZodType,
  components: Record<string, JsonSchema>,
): Parameter[] {
  const json = toJsonSchema(schema, { io: 'input', components });
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    const nested = rest.type === 'object';
    return {
      name,
      in: 'query',
      ...(required.has(name) ? { required: true } : {}),
      ...(typeof description === 'string' ? { description } : {}),
      ...(nested ? { style: 'deepObject', explode: true } : {}),
      schema: rest,
    };
  });
}

function kindSchema(kind: FieldKind): JsonSchema {
  if (typeof kind === 'object') return { type: 'string', enum: [...kind.enum] };
  switch (kind) {
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'boolean':
      return { type: 'string', enum: ['true', 'false'] };
    case 'integer':
      return { type: 'string', pattern: '^-?\\d{1,15}$' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'instant':
      return { type: 'string', format: 'date-time' };
    case 'string':
      return { type: 'string' };
  }
}

const RANGE_KINDS = new Set<FieldKind>(['instant', 'integer', 'date']);
const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const;
const RANGE_WORDS = { $gt: '>', $gte: '≥', $lt: '<', $lte: '≤' } as const;

/**
 * A §0 list's parameters, from the same spec `parseListQuery` enforces. qs lets `field=v`
 * and `field[$op]=v` share a name, which one OpenAPI `deepObject` parameter cannot say; so
 * each operator is its own parameter, named exactly as qs writes it (`field[$in][]`,
 * `start_datetime[$gte]`, `$sort[name]`), and a client that sends these names is right.
 */
export function listParameters(spec: ListQuerySpec): Parameter[] {
  const params: Parameter[] = [
    {
      name: '$limit',
      in: 'query',
      description: `Page size: default 10; larger values are clamped to ${MAX_LIMIT}.`,
      schema: { type: 'integer', minimum: 0 },
    },
    {
      name: '$skip',
      in: 'query',
      description: 'Rows to skip: default 0.',
      schema: { type: 'integer', minimum: 0 },
    },
  ];
  for (const field of spec.sortable) {
    params.push({
      name: `$sort[${field}]`,
      in: 'query',
      description: `Sort by ${field}: 1 ascending, -1 descending.`,
      schema: { type: 'integer', enum: [1, -1] },
    });
  }
  if (spec.searchable) {
    params.push({
      name: '$search',
      in: 'query',
      description: 'Case-insensitive text search.',
      schema: { type: 'string' },
    });
  }
  for (const [field, kind] of Object.entries(spec.filters)) {
    const value = kindSchema(kind);
    params.push(
      { name: field, in: 'query', description: `${field} equals.`, schema: value },
      {
        name: `${field}[$ne]`,
        in: 'query',
        description: `${field} differs from.`,
        schema: value,
      },
      {
        name: `${field}[$in][]`,
        in: 'query',
        description: `${field} is one of (repeat the parameter).`,
        style: 'form',
        explode: true,
        schema: { type: 'array', items: value },
      },
    );
    if (RANGE_KINDS.has(kind)) {
      for (const op of RANGE_OPS) {
        params.push({
          name: `${field}[${op}]`,
          in: 'query',
          description: `${field} ${RANGE_WORDS[op]} the value.`,
          schema: value,
        });
      }
    }
  }
  for (const name of spec.extra ?? []) {
    if (!params.some((p) => p.name === name)) {
      params.push({ name, in: 'query', schema: { type: 'string' } });
    }
  }
  return params;
}
