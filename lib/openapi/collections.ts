import { z } from 'zod';
import type { CollectionDef } from '@/lib/crud/collection';
import { toJsonSchema, type JsonSchema } from './json-schema';
import type { ResolvedSchemas } from './operation';
import { recordSchemaOf } from './record-schema';

/**
 * A declared collection's five operations, documented from its declaration: the record from
 * its table, the bodies from its create/patch schemas, the list parameters from its filters
 * and sortable fields. Each shape is one named component.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const componentName = (label: string) =>
  label
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** The record: table columns, with enums from the filters and JSON fields typed by the input schema. */
function recordSchema(def: CollectionDef): z.ZodType {
  const base = recordSchemaOf(def.table);
  const input = def.createSchema instanceof z.ZodObject ? def.createSchema.shape : {};
  const extra: Record<string, z.ZodType> = {};
  for (const [field, kind] of Object.entries(def.filters)) {
    if (typeof kind === 'object' && field in base.shape) {
      const nullable = base.shape[field]!.safeParse(null).success;
      const values = z.enum(kind.enum as [string, ...string[]]);
      extra[field] = nullable ? values.nullable() : values;
    }
  }
  for (const [field, schema] of Object.entries(input) as [string, z.ZodType][]) {
    const column = base.shape[field];
    const isJson = column && column.safeParse({}).success && column.safeParse(1).success;
    if (isJson || def.related?.fields.includes(field)) extra[field] = unwrapOptional(schema);
  }
  return base.extend(extra);
}

function unwrapOptional(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

export function pageSchema(item: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['total', 'limit', 'skip', 'data'],
    properties: {
      total: { type: 'integer', minimum: 0 },
      limit: { type: 'integer', minimum: 0 },
      skip: { type: 'integer', minimum: 0 },
      data: { type: 'array', items: item },
    },
  };
}

export function collectionSchemas(
  def: CollectionDef,
  components: Record<string, JsonSchema>,
): Map<string, ResolvedSchemas> {
  let name = componentName(def.label);
  for (let i = 2; Object.hasOwn(components, name); i++) name = `${componentName(def.label)}${i}`;
  components[name] = toJsonSchema(recordSchema(def), { io: 'output', components });
  components[`${name}Create`] = toJsonSchema(def.createSchema, { io: 'input', components });
  components[`${name}Patch`] = toJsonSchema(def.patchSchema, { io: 'input', components });
  components[`${name}Page`] = pageSchema(ref(name));
  const list = {
    filters: def.filters,
    sortable: def.sortable,
    searchable: !!(def.search?.length || def.searchSql),
    extra: def.extraParams?.names,
  };
  const base = `/${def.path}`;
  const item = `${base}/:id`;
  const label = def.label.toLowerCase();
  const record = (description: string) => ({ ...ref(name), description });
  const schemas = new Map<string, ResolvedSchemas>();
  schemas.set(`GET ${base}`, {
    list,
    response: { ...ref(`${name}Page`), description: `A page of ${def.path}.` },
    status: 200,
  });
  schemas.set(`POST ${base}`, {
    body: ref(`${name}Create`),
    response: record(`The created ${label}.`),
    status: 201,
  });
  schemas.set(`GET ${item}`, { response: record(`The ${label}.`), status: 200 });
  schemas.set(`PATCH ${item}`, {
    body: ref(`${name}Patch`),
    response: record(`The updated ${label}.`),
    status: 200,
  });
  schemas.set(`DELETE ${item}`, { response: record(`The removed ${label}.`), status: 200 });
  return schemas;
}
