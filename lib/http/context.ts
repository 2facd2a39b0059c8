import type { Db } from '@/db/types';
import type { Organization } from '@/db/schema';

/** Who is calling: a signed-in staff user, an API key, a customer (public pages), or an assistant. */
export const ACTOR_KINDS = ['staff', 'api_key', 'customer', 'ai_assistant'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ROLES = ['admin', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  kind: ActorKind;
  role: Role | null;
  id: string | null;
}

/** What every domain function receives (DESIGN.md): the database, the tenant, the caller. */
export interface Ctx {
  db: Db;
  organization: Organization;
  actor: Actor;
  requestId: string;
  now: Date;
}

export const isAdmin = (ctx: Ctx) => ctx.actor.role === 'admin';

/** A context for trusted server-side callers (CLI, seed): acts as an admin of `organization`. */
export function systemCtx(db: Db, organization: Organization, now = new Date()): Ctx {
  return {
    db,
    organization,
    actor: { kind: 'api_key', role: 'admin', id: null },
    requestId: 'system',
    now,
  };
}
