import type { z } from 'zod';
import { zodToJsonSchema, type JsonSchema } from '@/lib/validation/json-schema';

export type { JsonSchema };

/**
 * A tool's `input_schema`: generated from the same zod schema the endpoint validates with
 * (lib/validation/json-schema.ts), plus what a language model needs to read.
 */
export interface JsonSchemaOptions {
  /** Descriptions of top-level properties, for a language model (documentation only). */
  descriptions?: Record<string, string>;
  /** Constraints a `.refine()` states that JSON Schema can also state (e.g. `oneOf`). */
  extra?: JsonSchema;
}

export function toInputJsonSchema(schema: z.ZodType, options: JsonSchemaOptions = {}): JsonSchema {
  const generated = zodToJsonSchema(schema, { io: 'input' });
  const properties = generated.properties as Record<string, JsonSchema> | undefined;
  for (const [name, description] of Object.entries(options.descriptions ?? {})) {
    const property = properties?.[name];
    if (!property) throw new Error(`No property ${name} to describe.`);
    property.description = description;
  }
  return { ...generated, ...options.extra };
}
