import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import type { Db } from '@/db/types';
import { resolveCaller } from '@/lib/auth/caller';
import { readJsonObject } from './body';
import { databaseUnavailable } from './db-errors';
import type { Ctx } from './context';
import { AppError, forbidden, unauthenticated, validationError } from './errors';
import { logRequest } from './log';
import { isMalformedPath } from './malformed-url';
import { isSameOrigin } from './origin';
import { parseQueryString } from './query';
import { json, toErrorResponse } from './responses';
import type { Method, Route, RouteInput, RouteResult } from './route';

/**
 * The §0 layer, written once: matching, authentication, the same-origin rule for cookie
 * writes, organization_id tenancy checks, body and query parsing, the error envelope and the
 * request log. Every /api route goes through `dispatch`.
 */
interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

export interface RouterOptions {
  /**
   * Holds every answer of a matched route against its declaration and may replace it (the
   * development check, lib/openapi/answer-check.ts; not given in production).
   */
  checkAnswer?: (route: Route, method: string, response: Response) => Promise<Response>;
}

export function createRouter(routes: Route[], options: RouterOptions = {}) {
  const compiled = routes.map(compile);

  function match(method: string, path: string) {
    let allowed: string[] = [];
    for (const c of compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        allowed.push(c.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [i, name] of c.names.entries()) {
        try {
          params[name] = decodeURIComponent(m[i + 1]!);
        } catch {
          // A malformed escape cannot name any record: the request itself is malformed.
          return { compiled: null, allowed: [], malformed: true };
        }
      }
      return { compiled: c, params };
    }
    allowed = [...new Set(allowed)];
    return { compiled: null, allowed };
  }

  async function dispatch(req: Request): Promise<Response> {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(req.url);
    const path = url.pathname.replace(/^\/api/, '') || '/';
    let routeLabel = 'unmatched';
    let matched: Route | undefined;
    let response: Response;
    // HEAD is GET without the body (RFC 9110), so probes and caches can use it.
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    try {
      const found = match(method, path);
      if (!found.compiled) {
        if (found.malformed || isMalformedPath(url.pathname)) {
          throw validationError(
            'The request path is malformed (a bad % escape or a control character).',
          );
        }
        throw found.allowed?.length
          ? new AppError(
              'method_not_allowed',
              405,
              `Use ${found.allowed.join(', ')} on this path.`,
              undefined,
              {
                Allow: found.allowed.join(', '),
              },
            )
          : new AppError('not_found', 404, `No endpoint ${req.method} /api${path}.`);
      }
      const { route } = found.compiled;
      matched = route;
      routeLabel = `/api${route.path}`;
      response = await run(route, req, url, found.params, requestId);
    } catch (error) {
      response = toErrorResponse(error, requestId);
    }
    if (matched && options.checkAnswer) {
      response = await options.checkAnswer(matched, method, response);
    }
    if (req.method === 'HEAD') {
      response = new Response(null, { status: response.status, headers: response.headers });
    }
    response.headers.set('x-request-id', requestId);
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
    logRequest({
      method: req.method,
      route: routeLabel,
      status: response.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      request_id: requestId,
    });
    return response;
  }

  return { dispatch, routes };
}

async function openDb(): Promise<Db> {
  try {
    return await getDb();
  } catch {
    throw databaseUnavailable();
  }
}

async function run(
  route: Route,
  req: Request,
  url: URL,
  params: Record<string, string>,
  requestId: string,
): Promise<Response> {
  const query = parseQueryString(url.search);
  const hasBody =
    !route.rawBody && (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT');
  const db = await openDb();
  const now = new Date();

  if (route.access === 'public') {
    if (route.cookieWrite) checkCookieWrite(req);
    const body = hasBody ? await readJsonObject(req) : {};
    return toResponse(await route.handle({ db, requestId, now }, { params, query, body, req }));
  }

  const caller = await resolveCaller(db, req);
  if (!caller) throw unauthenticated();
  if (caller.via === 'cookie' && WRITE_METHODS.has(req.method) && !isSameOrigin(req)) {
    throw forbidden('Cookie-authenticated writes must come from this application.');
  }
  if (route.access === 'admin' && caller.actor.role !== 'admin') {
    throw forbidden('Only administrators can do this.');
  }
  const ctx: Ctx = { db, organization: caller.organization, actor: caller.actor, requestId, now };
  takeOrganizationId(query, ctx, 'query');
  const body = hasBody ? await readJsonObject(req) : {};
  takeOrganizationId(body, ctx, 'body');
  const input: RouteInput = { params, query, body, req };
  return toResponse(await route.handle(ctx, input));
}

/**
 * A public route that sets a session cookie: our own Origin (or Referer), as for every cookie
 * write, and a JSON body, which a cross-site HTML form cannot send without a CORS preflight.
 */
function checkCookieWrite(req: Request) {
  if (!isSameOrigin(req)) {
    throw forbidden('This request must come from this application (Origin or Referer).');
  }
  const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new AppError('unsupported_media_type', 415, 'Send the body as application/json.');
  }
}

/** §0 tenancy: organization_id may be omitted or equal the caller's; anything else is 403. */
function takeOrganizationId(source: Record<string, unknown>, ctx: Ctx, where: string) {
  if (!Object.hasOwn(source, 'organization_id')) return;
  const value = source.organization_id;
  if (value !== ctx.organization.id) {
    throw forbidden(`The organization_id in the ${where} is not your organization.`);
  }
  delete source.organization_id;
}

function toResponse(result: RouteResult): Response {
  if (result instanceof Response) return result;
  return json(result.body, result.status ?? 200, result.headers);
}

export type { Method };
