import { z } from 'zod';
import { dateSchema, imageUrlSchema, instantSchema, timezoneSchema, uuidSchema } from './fields';

/**
 * zod → JSON Schema (draft 2020-12: the dialect of OpenAPI 3.1 and of tool-calling APIs), for
 * the OpenAPI document (lib/openapi) and the AI tools' input schemas (lib/ai). Request schemas
 * are described as a client sends them (`io: 'input'`: before transforms).
 *
 * zod cannot turn a `.refine()` into JSON Schema, and drops a regex's `i` flag, so the shared
 * §0 field validators (./fields.ts) are recognised by identity and given the pattern that
 * accepts exactly what their refinements accept, as far as JSON Schema can say it. What it
 * cannot say (an IANA zone name, the calendar validity of an instant's date) stays the
 * endpoint's 400. `documented` adds a format and a description for people reading the docs;
 * tool schemas are inlined at every use, so they stay short (the tool descriptions explain
 * instants and zones).
 */
export type JsonSchema = Record<string, unknown>;

const UUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** What `parseInstant` accepts: an offset is required; seconds and fractions are optional. */
const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}[Tt](?:(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?|24:00(?::00(?:\\.0{1,9})?)?)(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$';

const FIELD_SCHEMAS = new Map<z.ZodType, { exact: JsonSchema; docs: JsonSchema }>([
  [uuidSchema, { exact: { type: 'string', format: 'uuid', pattern: UUID_PATTERN }, docs: {} }],
  [
    dateSchema,
    {
      exact: { type: 'string', format: 'date', pattern: DATE_PATTERN },
      docs: { description: 'A date YYYY-MM-DD.' },
    },
  ],
  [
    instantSchema,
    {
      exact: { type: 'string', pattern: INSTANT_PATTERN },
      docs: {
        format: 'date-time',
        description: 'An ISO 8601 instant with an offset, e.g. 2027-03-14T15:00:00Z.',
      },
    },
  ],
  [
    timezoneSchema,
    {
      exact: { type: 'string', minLength: 1 },
      docs: { description: 'An IANA time zone name, e.g. Europe/Paris.' },
    },
  ],
  [
    imageUrlSchema,
    {
      exact: { type: 'string', maxLength: 2000 },
      docs: { description: 'An https URL, or a path this app serves (an upload’s public_url).' },
    },
  ],
]);

export interface ZodToJsonSchemaOptions {
  io: 'input' | 'output';
  /** Formats and descriptions on the shared fields, for the API reference. */
  documented?: boolean;
}

export function zodToJsonSchema(schema: z.ZodType, options: ZodToJsonSchemaOptions): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: options.io,
    unrepresentable: 'any',
    override: (ctx) => {
      const known = FIELD_SCHEMAS.get(ctx.zodSchema as unknown as z.ZodType);
      if (!known) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
      Object.assign(
        ctx.jsonSchema,
        structuredClone(options.documented ? { ...known.exact, ...known.docs } : known.exact),
      );
    },
  }) as JsonSchema;
  // Embedded in a larger document (or sent alone to a tool-calling API): no dialect marker.
  delete generated.$schema;
  return generated;
}
