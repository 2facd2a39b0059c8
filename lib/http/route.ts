import type { ZodType } from 'zod';
import type { Db } from '@/db/types';
import type { Ctx } from './context';
import type { ListQuerySpec } from './query';

/** A route of the API, declared as data so the router, the docs and the tests share one list. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** `member`: any signed-in staff user or API key; `admin`: admins and API keys; `public`: anyone. */
export type Access = 'public' | 'member' | 'admin';

export interface RouteInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The JSON object body (POST/PATCH/PUT), organization_id already checked and removed. */
  body: Record<string, unknown>;
  req: Request;
}

export interface PublicCtx {
  db: Db;
  requestId: string;
  now: Date;
}

export type RouteResult =
  Response | { status?: number; body: unknown; headers?: Record<string, string> };

/**
 * What a route accepts and answers, for the OpenAPI document (lib/openapi): the very zod
 * schemas the handler validates with, never a copy. Collections' routes need none (the
 * document reads their declaration); every field is optional.
 */
export interface RouteSchemas {
  /** Query string parameters (each top-level property is one parameter). */
  query?: ZodType;
  /** A §0 list: `$limit`, `$skip`, `$sort[field]`, filters with their operators, `$search`. */
  list?: ListQuerySpec;
  /** The JSON body. */
  body?: ZodType;
  /** The success body: its schema, or a description where no schema exists. */
  response?: ZodType | string;
  /** The success status, when not 200 (201 for creates); an error status for a route not offered. */
  status?: number;
  /** Subject to the per-client public rate limit (429). */
  rateLimited?: boolean;
  /** Accepts an `Idempotency-Key` header (§0). */
  idempotent?: boolean;
}

interface RouteBase {
  method: Method;
  /** Path below /api with `:param` segments, e.g. `/contacts/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** Raw body (not JSON), e.g. uploads. */
  rawBody?: boolean;
  /**
   * A public route that signs someone in (sets a session cookie), e.g. sign-up: it must pass
   * the Origin check of cookie writes (403) and take only `application/json` (415), so that a
   * cross-site form cannot post to it (login CSRF). Checked before the body is read.
   */
  cookieWrite?: boolean;
  schemas?: RouteSchemas;
}

export interface PrivateRoute extends RouteBase {
  access: 'member' | 'admin';
  handle: (ctx: Ctx, input: RouteInput) => Promise<RouteResult>;
}

export interface PublicRoute extends RouteBase {
  access: 'public';
  handle: (ctx: PublicCtx, input: RouteInput) => Promise<RouteResult>;
}

export type Route = PrivateRoute | PublicRoute;
