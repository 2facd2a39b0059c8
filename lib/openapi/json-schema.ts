import type { z } from 'zod';
import { zodToJsonSchema, type JsonSchema } from '@/lib/validation/json-schema';

export type { JsonSchema };

/**
 * A schema of the OpenAPI document (lib/validation/json-schema.ts, documented), with zod's
 * `$defs` moved into the document's components.
 */
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
  const generated = zodToJsonSchema(schema, { io: options.io, documented: true });
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
