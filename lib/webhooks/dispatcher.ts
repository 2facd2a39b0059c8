import { getDb } from '@/db/client';
import type { Db } from '@/db/types';
import { logError } from '@/lib/http/log';
import { notificationQueue } from '@/lib/notifications/dispatch';
import { bareHost, resolveDeliveryTarget, type Resolver } from './address-guard';
import {
  abandonDelivery,
  claimDueDeliveries,
  MAX_ATTEMPTS,
  OUTCOME_MARGIN_MS,
  recordAttempt,
  releaseClaim,
  SEND_TIMEOUT_MS,
  type ClaimedDelivery,
} from './claims';
import { setNudgeHandler } from './dispatcher-signal';
import type { DispatchQueue } from './lease';
import { WEBHOOK_TEST_EVENT } from './event-types';
import { decryptWebhookSecret } from './secret';
import { postWebhook } from './send';
import { signatureHeaders } from './signature';

/**
 * The webhook dispatcher (§17), run inside each app process (scripts/serve.ts,
 * scripts/api-server.ts). Every second — and shortly after a change enqueues something — it
 * claims due deliveries (claims.ts: SKIP LOCKED, so several processes share the work and
 * never take the same try), sends them concurrently up to a limit, and records each try.
 * `WEBHOOKS_DISPATCHER=0` keeps it off; `WEBHOOKS_DISPATCH_INTERVAL_MS` changes the tick.
 */

export interface DispatchOptions {
  /** The clock (tests move it forward to reach retries without waiting). */
  now?: Date;
  limit?: number;
  /** Claim only this organization's deliveries (tests sharing one database). */
  organizationId?: string;
  timeoutMs?: number;
  allowPrivate?: boolean;
  resolver?: Resolver;
}

export interface DeliveryResult {
  deliveryId: string;
  eventId: string;
  attemptNumber: number;
  status: string;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
}

/** The body the endpoint receives; the same bytes on every try (signed per try). */
export function webhookBody(claim: ClaimedDelivery): string {
  return JSON.stringify({
    id: claim.eventId,
    type: claim.eventType,
    created_at: claim.eventCreatedAt.toISOString(),
    organization_id: claim.organizationId,
    data: claim.data,
  });
}

/** Sends one claimed delivery and records the try. Never throws for the endpoint's faults. */
export async function deliverClaimed(
  db: Db,
  claim: ClaimedDelivery,
  opts: DispatchOptions = {},
): Promise<DeliveryResult> {
  const now = opts.now ?? new Date();
  const base = { deliveryId: claim.id, eventId: claim.eventId, attemptNumber: claim.attemptNumber };
  const abandon = async (reason: string): Promise<DeliveryResult> => {
    await abandonDelivery(db, claim, reason, now);
    return { ...base, status: 'failed', responseStatus: null, error: reason, nextAttemptAt: null };
  };
  if (claim.attemptNumber > MAX_ATTEMPTS) {
    return abandon('The last try was interrupted (the process stopped); no tries are left.');
  }
  if (!claim.webhookActive && claim.eventType !== WEBHOOK_TEST_EVENT) {
    return abandon('The endpoint was deactivated before this event was sent.');
  }

  // One deadline for the whole try, DNS lookup included, and the try must end inside the
  // claim's lease with time left to record it: otherwise the lease could lapse mid-send and
  // another process send the same try. A claim that cannot hold a whole try (it waited too
  // long) is handed back unsent, to be claimed again with a fresh lease.
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  if (deadline > claim.leaseEndsAt - OUTCOME_MARGIN_MS) {
    await releaseClaim(db, claim, now);
    return {
      ...base,
      status: claim.attemptNumber > 1 ? 'retrying' : 'pending',
      responseStatus: null,
      error: 'Not sent: too little of the claim’s lease was left for a whole try.',
      nextAttemptAt: now,
    };
  }
  const timedOut = () => new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s.`);
  const started = performance.now();
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const url = new URL(claim.url);
    const secret = decryptWebhookSecret(
      claim.secretEncrypted,
      claim.organizationId,
      claim.webhookId,
    );
    const body = webhookBody(claim);
    const target = await beforeDeadline(
      resolveDeliveryTarget(bareHost(url), {
        allowPrivate: opts.allowPrivate,
        resolver: opts.resolver,
      }),
      deadline,
      timedOut,
    );
    const left = deadline - Date.now();
    if (left <= 0) throw timedOut();
    const headers = signatureHeaders(secret, claim.eventId, body, now);
    const result = await postWebhook(url, target, body, headers, left, timeoutMs);
    responseStatus = result.status;
    if (result.status < 200 || result.status > 299) {
      error =
        result.status >= 300 && result.status < 400
          ? `HTTP ${result.status}: redirects are not followed; use the final URL.`
          : `HTTP ${result.status}${result.excerpt ? `: ${result.excerpt}` : ''}`;
    }
  } catch (caught) {
    error = sendErrorText(caught);
  }
  const succeeded = responseStatus !== null && responseStatus >= 200 && responseStatus <= 299;
  const recorded = await recordAttempt(db, claim, {
    succeeded,
    responseStatus,
    durationMs: performance.now() - started,
    error,
    attemptedAt: now,
  });
  return { ...base, responseStatus, error, ...recorded };
}

/** `work`, or `fail()` once the clock passes `deadline` (the work itself is left to finish). */
function beforeDeadline<T>(work: Promise<T>, deadline: number, fail: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(fail()), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * A failed try's error as the tenant reads it in the deliveries list. A socket error's message
 * names the address and port it tried ("connect ECONNREFUSED 10.1.2.3:443"), which tells a
 * tenant what their name resolved to inside our network: only the call and code are kept.
 * A failed IPv4/IPv6 race is an AggregateError with an empty message and the code.
 */
export function sendErrorText(caught: unknown): string {
  if (!(caught instanceof Error)) return String(caught);
  const { code, syscall } = caught as NodeJS.ErrnoException;
  if (code) return syscall ? `${syscall} ${code}` : code;
  return caught.message || caught.name;
}

/** One claim and the sends it leads to, awaited (tests; the loop does the same in the background). */
export async function dispatchDue(db: Db, opts: DispatchOptions = {}): Promise<DeliveryResult[]> {
  const claims = await claimDueDeliveries(db, {
    now: opts.now ?? new Date(),
    limit: opts.limit ?? 20,
    organizationId: opts.organizationId,
  });
  return Promise.all(claims.map((claim) => deliverClaimed(db, claim, opts)));
}

const webhookQueue: DispatchQueue<ClaimedDelivery> = {
  name: 'webhooks',
  claim: claimDueDeliveries,
  send: (db, claim, now) => deliverClaimed(db, claim, { now }),
};

/** The queues the loop serves, in turns (each tick starts with the next one). */
const QUEUES: DispatchQueue[] = [webhookQueue, notificationQueue];

const MAX_IN_FLIGHT = 16;
/** After a change enqueued deliveries: soon, once its COMMIT has likely landed… */
const NUDGE_DELAY_MS = 25;
/** …and, if that finds nothing yet (a slow commit), a few more looks before the next tick. */
const FOLLOW_UP_MS = 100;
const FOLLOW_UPS = 3;
const ERROR_LOG_EVERY_MS = 60_000;

class Dispatcher {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;
  private ticking = false;
  private rerun = false;
  private followUps = 0;
  private stopped = false;
  private lastErrorLog = 0;
  private turn = 0;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: () => Date,
  ) {}

  start() {
    setNudgeHandler(() => {
      this.followUps = FOLLOW_UPS;
      this.schedule(NUDGE_DELAY_MS);
    });
    this.schedule(0);
  }

  /** Runs a tick in `ms` unless one is already due sooner. */
  private schedule(ms: number) {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (this.timer && this.dueAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Infinity;
      void this.tick();
    }, ms);
    this.timer.unref();
  }

  private async tick() {
    if (this.stopped) return;
    if (this.ticking) {
      // A nudge during a claim: look again right after it.
      this.rerun = true;
      return;
    }
    this.ticking = true;
    let claimed = 0;
    let full = false;
    try {
      let room = MAX_IN_FLIGHT - this.inFlight.size;
      if (room > 0) {
        const db = await getDb();
        const now = this.clock();
        this.turn = (this.turn + 1) % QUEUES.length;
        const order = [...QUEUES.slice(this.turn), ...QUEUES.slice(0, this.turn)];
        for (const queue of order) {
          if (room <= 0) {
            full = true;
            break;
          }
          const claims = await queue.claim(db, { now, limit: room });
          if (claims.length === room) full = true;
          room -= claims.length;
          claimed += claims.length;
          for (const claim of claims) {
            const sending = queue
              .send(db, claim, now)
              .catch((error) =>
                this.logFailure(`${queue.name}: a send could not be recorded`, error),
              )
              .finally(() => {
                this.inFlight.delete(sending);
                // A full batch may have left work behind; a freed slot can take it.
                if (full) this.schedule(0);
              });
            this.inFlight.add(sending);
          }
        }
      }
    } catch (error) {
      this.logFailure('dispatcher tick failed', error);
    } finally {
      this.ticking = false;
      let next = this.intervalMs;
      if (this.rerun || (full && this.inFlight.size < MAX_IN_FLIGHT)) next = 0;
      else if (claimed === 0 && this.followUps > 0) {
        this.followUps -= 1;
        next = FOLLOW_UP_MS;
      }
      this.rerun = false;
      this.schedule(next);
    }
  }

  private logFailure(message: string, error: unknown) {
    if (Date.now() - this.lastErrorLog < ERROR_LOG_EVERY_MS) return;
    this.lastErrorLog = Date.now();
    logError(message, error);
  }

  /** Stops claiming, then waits (at most `graceMs`) for the sends in flight to be recorded. */
  async stop(graceMs: number) {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    setNudgeHandler(undefined);
    const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
  }
}

const key = Symbol.for('reservations.webhooks.dispatcher');
type WithDispatcher = typeof globalThis & { [key]?: Dispatcher };

/**
 * Starts this process's dispatcher (once); a no-op with WEBHOOKS_DISPATCHER=0. `clock` is
 * its "now" (what is due, and the time tries are recorded at).
 */
export function startDispatcher(opts: { clock?: () => Date } = {}): void {
  if (process.env.WEBHOOKS_DISPATCHER === '0') return;
  const g = globalThis as WithDispatcher;
  if (g[key]) return;
  const interval = Number(process.env.WEBHOOKS_DISPATCH_INTERVAL_MS) || 1000;
  g[key] = new Dispatcher(interval, opts.clock ?? (() => new Date()));
  g[key].start();
}

/** For shutdown: stop claiming and let sends in flight finish (a killed send is retried later). */
export async function stopDispatcher(graceMs = 8_000): Promise<void> {
  const g = globalThis as WithDispatcher;
  const dispatcher = g[key];
  if (!dispatcher) return;
  delete g[key];
  await dispatcher.stop(graceMs);
}
