import { sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { afterTry, claimDue, LEASE_MS, recordOutcome } from './lease';

/**
 * The webhook queue's bookkeeping (§17), on the claim shared with email messages (lease.ts):
 * a claim takes due deliveries and returns each with its event and endpoint in the same
 * statement; a finished try is recorded (with its attempt row) only against the claim that
 * made it. A delivery whose process died mid-send falls due again when its lease ends and is
 * sent again (webhooks are at-least-once; receivers de-duplicate by `webhook-id`).
 */

export { LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from './lease';
/** The whole try: DNS lookup, connection and exchange, response body included. */
export const SEND_TIMEOUT_MS = 10_000;
/** Lease kept back for recording a try's outcome (a send never eats into it). */
export const OUTCOME_MARGIN_MS = 5_000;

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
  /**
   * When this claim's lease ends on this process's clock (`Date.now()` ms): LEASE_MS after the
   * claim was asked for, whatever `now` the claim was made with (tests move that forward).
   */
  leaseEndsAt: number;
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
  const leaseEndsAt = Date.now() + LEASE_MS;
  const rows = await claimDue<ClaimRow>(
    db,
    'webhook_deliveries',
    opts,
    sql`
      select c.id, c.organization_id, c.event_id, c.webhook_id, c.attempt_count, c.claim_token,
             e.type as event_type, e.payload, e.created_at as event_created_at,
             w.url, w.secret_encrypted, w.is_active
      from claimed c
      join outbox_events e on e.organization_id = c.organization_id and e.id = c.event_id
      join webhooks w on w.organization_id = c.organization_id and w.id = c.webhook_id`,
  );
  return rows.map((r) => ({
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
    leaseEndsAt,
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
  const { status, nextAttemptAt } = afterTry(
    claim.attemptNumber,
    { succeeded: outcome.succeeded, at: outcome.attemptedAt },
    'succeeded',
  );
  const at = outcome.attemptedAt.toISOString();
  const error = outcome.error?.slice(0, 1000) ?? null;
  const write = () =>
    db.execute(sql`
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
    select ${claim.organizationId}::uuid, ${claim.id}::uuid, ${claim.webhookId}::uuid,
           ${claim.attemptNumber}::integer, ${outcome.succeeded}::boolean, ${outcome.responseStatus}::integer,
           ${Math.round(outcome.durationMs)}::integer, ${error}, ${at}::timestamptz
    where not exists (
      select 1 from webhook_delivery_attempts
      where delivery_id = ${claim.id}::uuid and attempt_number = ${claim.attemptNumber}::integer
        and attempted_at = ${at}::timestamptz
    )`);
  // Written again when the database went away mid-write (perhaps after its commit): once,
  // and only while the lease lasts (after it, another claim may be sending the row again).
  await recordOutcome(write, claim.leaseEndsAt - OUTCOME_MARGIN_MS);
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

/**
 * Hands a claim back unsent (its lease could not hold a whole try): due again at once, the
 * try not counted, the token cleared, so the next tick claims it with a fresh lease.
 */
export async function releaseClaim(db: Db, claim: ClaimedDelivery, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.execute(sql`
    update webhook_deliveries
    set claim_token = null, attempt_count = attempt_count - 1,
        next_attempt_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
    where id = ${claim.id}::uuid and claim_token = ${claim.claimToken}::uuid`);
}
