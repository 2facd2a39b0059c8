import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/migrate';
import type { Db } from '@/db/types';

/**
 * The dispatcher's bookkeeping (§17). A claim is one statement: it locks due rows with
 * `FOR UPDATE SKIP LOCKED` (so processes sharing the database take disjoint rows), moves
 * their `next_attempt_at` forward by a lease, counts the attempt and stamps a claim token.
 * A process that dies mid-send leaves rows that fall due again when the lease ends; a
 * finished attempt is recorded only against the claim that made it (token match).
 */

/** Tries in all, the first included. */
export const MAX_ATTEMPTS = 8;
/** Longer than the send timeout, so a live claim never expires under its sender. */
export const LEASE_MS = 60_000;
export const SEND_TIMEOUT_MS = 10_000;

/**
 * The wait after the n-th failed try: 30 s × 3ⁿ⁻¹, at most 6 h — 30 s, 1.5 min, 4.5 min,
 * 13.5 min, 40.5 min, ≈ 2 h, 6 h: the 8th try comes ≈ 9 h after the first.
 */
export function retryDelayMs(failedAttempt: number): number {
  return Math.min(30_000 * 3 ** (failedAttempt - 1), 6 * 3_600_000);
}

export interface ClaimedDelivery {
  id: string;
  organizationId: string;
  eventId: string;
  webhookId: string;
  /** This try's number, 1-based. */
  attemptNumber: number;
  claimToken: string;
  eventType: string;
  data: Record<string, unknown>;
  eventCreatedAt: Date;
  url: string;
  secretEncrypted: string;
  webhookActive: boolean;
}

interface ClaimRow {
  id: string;
  organization_id: string;
  event_id: string;
  webhook_id: string;
  attempt_count: number;
  claim_token: string;
  event_type: string;
  payload: Record<string, unknown> | string;
  event_created_at: Date | string;
  url: string;
  secret_encrypted: string;
  is_active: boolean;
}

export async function claimDueDeliveries(
  db: Db,
  opts: { now: Date; limit: number; organizationId?: string },
): Promise<ClaimedDelivery[]> {
  const now = opts.now.toISOString();
  const leaseEnd = new Date(opts.now.getTime() + LEASE_MS).toISOString();
  const scope = opts.organizationId
    ? sql`and organization_id = ${opts.organizationId}::uuid`
    : sql``;
  const result = await db.execute(sql`
    with due as materialized (
      select id from webhook_deliveries
      where status in ('pending', 'retrying') and next_attempt_at <= ${now}::timestamptz ${scope}
      order by next_attempt_at
      limit ${opts.limit}::integer
      for update skip locked
    ), claimed as (
      update webhook_deliveries d
      set next_attempt_at = ${leaseEnd}::timestamptz,
          claim_token = gen_random_uuid(),
          attempt_count = d.attempt_count + 1,
          updated_at = ${now}::timestamptz
      from due
      where d.id = due.id
      returning d.id, d.organization_id, d.event_id, d.webhook_id, d.attempt_count, d.claim_token
    )
    select c.*, e.type as event_type, e.payload, e.created_at as event_created_at,
           w.url, w.secret_encrypted, w.is_active
    from claimed c
    join outbox_events e on e.organization_id = c.organization_id and e.id = c.event_id
    join webhooks w on w.organization_id = c.organization_id and w.id = c.webhook_id`);
  return rowsOf<ClaimRow>(result).map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    eventId: r.event_id,
    webhookId: r.webhook_id,
    attemptNumber: Number(r.attempt_count),
    claimToken: r.claim_token,
    eventType: r.event_type,
    data: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    eventCreatedAt: new Date(r.event_created_at),
    url: r.url,
    secretEncrypted: r.secret_encrypted,
    webhookActive: r.is_active,
  }));
}

export interface AttemptOutcome {
  succeeded: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  attemptedAt: Date;
}

/**
 * Records a try and moves the delivery on: `succeeded`, `retrying` after the backoff, or
 * `failed` after the last try. One statement, so the two cannot disagree.
 */
export async function recordAttempt(
  db: Db,
  claim: ClaimedDelivery,
  outcome: AttemptOutcome,
): Promise<{ status: string; nextAttemptAt: Date | null }> {
  const status = outcome.succeeded
    ? 'succeeded'
    : claim.attemptNumber >= MAX_ATTEMPTS
      ? 'failed'
      : 'retrying';
  const nextAttemptAt =
    status === 'retrying'
      ? new Date(outcome.attemptedAt.getTime() + retryDelayMs(claim.attemptNumber))
      : null;
  const at = outcome.attemptedAt.toISOString();
  const error = outcome.error?.slice(0, 1000) ?? null;
  await db.execute(sql`
    with moved as (
      update webhook_deliveries
      set status = ${status},
          next_attempt_at = ${(nextAttemptAt ?? outcome.attemptedAt).toISOString()}::timestamptz,
          claim_token = null,
          last_attempt_at = ${at}::timestamptz,
          last_response_status = ${outcome.responseStatus}::integer,
          last_error = ${error},
          updated_at = ${at}::timestamptz
      where id = ${claim.id}::uuid and claim_token = ${claim.claimToken}::uuid
      returning id
    )
    insert into webhook_delivery_attempts
      (organization_id, delivery_id, webhook_id, attempt_number, succeeded, response_status,
       duration_ms, error, attempted_at)
    values (${claim.organizationId}::uuid, ${claim.id}::uuid, ${claim.webhookId}::uuid,
            ${claim.attemptNumber}::integer, ${outcome.succeeded}::boolean, ${outcome.responseStatus}::integer,
            ${Math.round(outcome.durationMs)}::integer, ${error}, ${at}::timestamptz)`);
  return { status, nextAttemptAt };
}

/** Ends a delivery without sending (its endpoint was deactivated, or its tries ran out). */
export async function abandonDelivery(
  db: Db,
  claim: ClaimedDelivery,
  reason: string,
  now: Date,
): Promise<void> {
  await db.execute(sql`
    update webhook_deliveries
    set status = 'failed', claim_token = null, last_error = ${reason},
        attempt_count = attempt_count - 1, updated_at = ${now.toISOString()}::timestamptz
    where id = ${claim.id}::uuid and claim_token = ${claim.claimToken}::uuid`);
}
