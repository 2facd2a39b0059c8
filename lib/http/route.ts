import type { ZodType } from 'zod';
import type { Db } from '@/db/types';
import type { Ctx } from './context';
import type { ErrorCode } from './error-codes';
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
  /** The success body: its JSON schema, or the media type of an answer that is not JSON. */
  response?: ZodType | MediaAnswer;
  /** The success status, when not 200 (201 for creates); an error status for a route not offered. */
  status?: number;
  /**
   * Other answers than `status` and the §0 error envelope, by status: e.g. `202` with no body
   * for a JSON-RPC notification, `304` for a revalidated cache, or an error a protocol answers
   * in its own format (MCP's JSON-RPC errors), which then replaces the envelope for that status.
   * `null`: no body.
   */
  otherAnswers?: Record<number, ZodType | MediaAnswer | null>;
  /** Subject to the per-client public rate limit (429). */
  rateLimited?: boolean;
  /** Accepts an `Idempotency-Key` header (§0). */
  idempotent?: boolean;
}

/** An answer that is not JSON (bytes, `.ics`, a redirect): its media type and what it holds. */
export interface MediaAnswer {
  media: string;
  description: string;
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
  /**
   * The error codes this route can answer beyond those every route of its kind can (see
   * `errorCodesOf` in lib/openapi/operation.ts), e.g. `slot_unavailable`; `'any'` for a route
   * that relays other operations' answers (AI tool calls). The development answer check
   * refuses a code that is not declared.
   */
  errors?: readonly ErrorCode[] | 'any';
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
