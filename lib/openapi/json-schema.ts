import { z } from 'zod';
import {
  dateSchema,
  imageUrlSchema,
  instantSchema,
  timezoneSchema,
  uuidSchema,
} from '@/lib/validation/fields';

/**
 * zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) for the document. Request
 * schemas are described as a client sends them (`io: 'input'`: before transforms); a
 * refinement JSON Schema cannot state stays the endpoint's 400 and is left out here.
 *
 * The shared §0 field validators are refinements and transforms, which zod can only render
 * as a bare string, so they are recognised by identity and given their format instead.
 */
export type JsonSchema = Record<string, unknown>;

const KNOWN_FIELDS = new Map<z.ZodType, JsonSchema>([
  [uuidSchema, { type: 'string', format: 'uuid' }],
  [dateSchema, { type: 'string', format: 'date', description: 'A date YYYY-MM-DD.' }],
  [
    instantSchema,
    {
      type: 'string',
      format: 'date-time',
      description: 'An ISO 8601 instant with an offset, e.g. 2027-03-14T15:00:00Z.',
    },
  ],
  [
    timezoneSchema,
    { type: 'string', minLength: 1, description: 'An IANA time zone name, e.g. Europe/Paris.' },
  ],
  [
    imageUrlSchema,
    {
      type: 'string',
      maxLength: 2000,
      description: 'An https URL, or a path this app serves (an upload’s public_url).',
    },
  ],
]);

/** zod's rendering of `z.int()` bounds: true of every JSON number, so only noise here. */
const SAFE_MIN = Number.MIN_SAFE_INTEGER;
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

export interface ToJsonSchemaOptions {
  io: 'input' | 'output';
  /**
   * Where shared definitions go (the document's `components.schemas`): zod emits `$defs` for
   * schemas registered with an id or for cycles, and a `#/$defs/…` reference would resolve
   * against the OpenAPI document's root, so they are moved there and renamed.
   */
  components: Record<string, JsonSchema>;
}

export function toJsonSchema(schema: z.ZodType, options: ToJsonSchemaOptions): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: options.io,
    unrepresentable: 'any',
    override: (ctx) => {
      const known = KNOWN_FIELDS.get(ctx.zodSchema as unknown as z.ZodType);
      if (!known) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      Object.assign(ctx.jsonSchema, structuredClone(known));
    },
  }) as JsonSchema;
  delete generated.$schema;
  const defs = (generated.$defs ?? {}) as Record<string, JsonSchema>;
  delete generated.$defs;
  const renamed = new Map<string, string>();
  for (const name of Object.keys(defs)) {
    let target = name;
    for (let i = 2; Object.hasOwn(options.components, target); i++) target = `${name}${i}`;
    renamed.set(`#/$defs/${name}`, `#/components/schemas/${target}`);
    options.components[target] = {};
  }
  for (const [name, def] of Object.entries(defs)) {
    const target = renamed.get(`#/$defs/${name}`)!.split('/').pop()!;
    options.components[target] = tidy(def, renamed) as JsonSchema;
  }
  return tidy(generated, renamed) as JsonSchema;
}

/** Drops zod's safe-integer bounds and points `$defs` references at the components. */
function tidy(value: unknown, renamed: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => tidy(v, renamed));
  if (typeof value !== 'object' || value === null) return value;
  const out: JsonSchema = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'minimum' && v === SAFE_MIN) continue;
    if (key === 'maximum' && v === SAFE_MAX) continue;
    if (key === '$ref' && typeof v === 'string') {
      out.$ref = renamed.get(v) ?? v;
      continue;
    }
    out[key] = tidy(v, renamed);
  }
  return out;
}
