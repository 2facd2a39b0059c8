import type { Db } from '@/db/types';
import type { Ctx } from './context';

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

interface RouteBase {
  method: Method;
  /** Path below /api with `:param` segments, e.g. `/contacts/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** Raw body (not JSON), e.g. uploads. */
  rawBody?: boolean;
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
