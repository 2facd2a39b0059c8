import type { Route } from '@/lib/http/route';
import { buildOpenApiDocument, type ApiSource } from './document';
import { openApiPath } from './paths';

/**
 * The router's development check (off in production): every answer is held against what the
 * OpenAPI document declares for its operation — the status must be one the operation
 * documents, the media type the documented one, and a JSON body must validate against the
 * documented schema (an error against the §0 envelope). A mismatch is a bug in the
 * declaration or the handler, so it fails loudly: the answer becomes a 500 naming the
 * mismatch, and the validation errors go to stderr. The HTTP tests all run through it.
 */

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
interface Documented {
  content?: Record<string, { schema?: unknown }>;
  $ref?: string;
}
type Operation = { responses: Record<string, Documented> };

const DOC_ID = 'https://answer-check.invalid/openapi.json';

export type AnswerCheck = (route: Route, method: string, response: Response) => Promise<Response>;

export function createAnswerCheck(source: () => ApiSource): AnswerCheck {
  let state: Promise<{ doc: ReturnType<typeof buildOpenApiDocument>; compile: Compile }> | null =
    null;
  const validators = new Map<string, Validate>();

  const load = () =>
    (state ??= (async () => {
      const doc = buildOpenApiDocument(source());
      const { Ajv2020 } = await import('ajv/dist/2020.js');
      const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
      ajv.addSchema({ $id: DOC_ID, ...doc } as object);
      return { doc, compile: (schema: unknown) => ajv.compile(absolute(schema) as object) };
    })());

  return async (route, method, response) => {
    const { doc, compile } = await load();
    const operation = (doc.paths as Record<string, Record<string, Operation>>)[
      openApiPath(route.path)
    ]?.[method.toLowerCase()];
    const where = `${method} /api${route.path} ${response.status}`;
    if (!operation) return mismatch(where, 'the operation is not in the document');
    let documented = operation.responses[String(response.status)];
    if (documented?.$ref) {
      const name = documented.$ref.split('/').pop()!;
      documented = (doc.components.responses as Record<string, Documented>)[name];
    }
    if (!documented) return mismatch(where, 'this status is not documented');

    const media = Object.keys(documented.content ?? {});
    const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    const text = await response.clone().text();
    if (media.length === 0) {
      return text === '' ? response : mismatch(where, 'a body where none is documented');
    }
    const matched = media.find((m) => mediaMatches(m, type));
    if (!matched) return mismatch(where, `content-type ${type || '(none)'}, documented ${media}`);
    const schema = documented.content![matched]!.schema;
    if (matched !== 'application/json' || schema === undefined) return response;

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return mismatch(where, 'the body is not JSON');
    }
    const key = `${where} ${matched}`;
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = compile(schema)));
    if (validate(body)) return response;
    return mismatch(where, 'the body does not match its schema', validate.errors, body);
  };
}

type Compile = (schema: unknown) => Validate;

function mediaMatches(documented: string, actual: string): boolean {
  if (documented === '*/*') return true;
  const [type, sub] = documented.split('/');
  const [aType, aSub] = actual.split('/');
  return type === aType && (sub === '*' || sub === aSub);
}

/** Points `#/components/…` references of an inline schema at the document. */
function absolute(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolute);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOC_ID}${v}` : absolute(v),
    ]),
  );
}

function mismatch(where: string, what: string, errors?: unknown, body?: unknown): Response {
  const message = `The answer of ${where} does not match its declaration: ${what}.`;
  console.error(
    [
      message,
      errors ? JSON.stringify(errors, null, 1).slice(0, 3000) : '',
      body === undefined ? '' : `body: ${JSON.stringify(body).slice(0, 1500)}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return new Response(JSON.stringify({ error: { code: 'internal_error', message } }), {
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
