import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/migrate';
import type { Db } from '@/db/types';
import { mapDatabaseError } from '@/lib/http/db-errors';

/**
 * The outbox's work queues share one claim (§17 webhook deliveries, §19 email messages). A
 * queue is a table with `id, organization_id, status, attempt_count, next_attempt_at,
 * claim_token, updated_at`; its rows to send are `pending` or `retrying` and due at
 * `next_attempt_at`. A claim is one statement: it locks due rows with `FOR UPDATE SKIP LOCKED`
 * (so processes sharing the database take disjoint rows), moves their `next_attempt_at`
 * forward by a lease, counts the attempt and stamps a fresh claim token. A process that dies
 * mid-send leaves rows that fall due again when the lease ends; an outcome is recorded only
 * against the claim that made it (token match), which also clears the token — so a claimed
 * row that still carries a token was interrupted (`interrupted` below).
 */

export type QueueTable = 'webhook_deliveries' | 'notification_messages';

/** Tries in all, the first included. */
export const MAX_ATTEMPTS = 8;
/** Longer than any send's timeout, so a live claim never expires under its sender. */
export const LEASE_MS = 60_000;

/**
 * The wait after the n-th failed try: 30 s × 3ⁿ⁻¹, at most 6 h — 30 s, 1.5 min, 4.5 min,
 * 13.5 min, 40.5 min, ≈ 2 h, 6 h: the 8th try comes ≈ 9 h after the first.
 */
export function retryDelayMs(failedAttempt: number): number {
  return Math.min(30_000 * 3 ** (failedAttempt - 1), 6 * 3_600_000);
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  /** Claim only this organization's rows (tests sharing one database). */
  organizationId?: string;
}

/**
 * Claims due rows of `table` and answers `select … from claimed` (`details`, by default every
 * column): `claimed` has the row after the claim (`attempt_count` is this try's number,
 * `claim_token` the new token) and `interrupted`, true when an earlier claim never recorded
 * its outcome (its process stopped mid-send).
 */
export async function claimDue<Row>(
  db: Db,
  table: QueueTable,
  opts: ClaimOptions,
  details: SQL = sql`select * from claimed`,
): Promise<Row[]> {
  const t = sql.identifier(table);
  const now = opts.now.toISOString();
  const leaseEnd = new Date(opts.now.getTime() + LEASE_MS).toISOString();
  const scope = opts.organizationId
    ? sql`and organization_id = ${opts.organizationId}::uuid`
    : sql``;
  const result = await db.execute(sql`
    with due as materialized (
      select id, claim_token as previous_claim from ${t}
      where status in ('pending', 'retrying') and next_attempt_at <= ${now}::timestamptz ${scope}
      order by next_attempt_at
      limit ${opts.limit}::integer
      for update skip locked
    ), claimed as (
      update ${t} d
      set next_attempt_at = ${leaseEnd}::timestamptz,
          claim_token = gen_random_uuid(),
          attempt_count = d.attempt_count + 1,
          updated_at = ${now}::timestamptz
      from due
      where d.id = due.id
      returning d.*, due.previous_claim is not null as interrupted
    )
    ${details}`);
  return rowsOf<Row>(result);
}

/**
 * Records a try's outcome, waiting out a database that went away during the send: the
 * recipient already has the message, and an outcome left unrecorded would let the lease lapse
 * and the row be sent again. Keeps trying (¼ s, doubling to 2 s) until `deadline` (by default
 * 15 s before the lease ends — a send takes 10 s at most; webhooks pass their claim's own
 * lease end) and gives up after that, when another claim may send it. Other errors are not
 * waited for.
 */
export async function recordOutcome<T>(
  write: () => Promise<T>,
  deadline = Date.now() + LEASE_MS - 15_000,
): Promise<T> {
  for (let wait = 250; ; wait = Math.min(wait * 2, 2000)) {
    try {
      return await write();
    } catch (error) {
      const away = mapDatabaseError(error)?.status === 503;
      if (!away || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Where a row goes after a try: done, retried after the backoff, or given up. */
export function afterTry(
  attemptNumber: number,
  outcome: { succeeded: boolean; permanent?: boolean; at: Date },
  done: string,
): { status: string; nextAttemptAt: Date | null } {
  if (outcome.succeeded) return { status: done, nextAttemptAt: null };
  if (outcome.permanent || attemptNumber >= MAX_ATTEMPTS) {
    return { status: 'failed', nextAttemptAt: null };
  }
  return {
    status: 'retrying',
    nextAttemptAt: new Date(outcome.at.getTime() + retryDelayMs(attemptNumber)),
  };
}

/** A thrown value as one line for `last_error` (a failed IPv4/IPv6 race has an empty message). */
export function errorText(caught: unknown): string {
  const text =
    caught instanceof Error
      ? caught.message || (caught as NodeJS.ErrnoException).code || caught.name
      : String(caught);
  return text.slice(0, 1000);
}

/**
 * A queue the dispatcher loop serves (dispatcher.ts): webhook deliveries and email messages.
 * `send` records its own outcome and never throws for the recipient's faults.
 */
export interface DispatchQueue<Claim = unknown> {
  name: string;
  claim(db: Db, opts: ClaimOptions): Promise<Claim[]>;
  send(db: Db, claim: Claim, now: Date): Promise<unknown>;
}
