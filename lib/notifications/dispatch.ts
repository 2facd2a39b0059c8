import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '@/db/types';
import {
  afterTry,
  claimDue,
  errorText,
  recordOutcome,
  type ClaimOptions,
  type DispatchQueue,
} from '@/lib/webhooks/lease';
import type { NotificationKind } from './kinds';
import { renderMessage, type RenderedMessage } from './render';
import { configuredTransport } from './transport';

/**
 * Sending §19 messages, as a queue of the webhook dispatcher (lib/webhooks/dispatcher.ts):
 * claimed with the deliveries' claim (lib/webhooks/lease.ts: SKIP LOCKED, a lease, a claim
 * token), rendered, sent over SMTP — or kept when there is no SMTP_URL — and recorded.
 *
 * At most once: a claimed message whose previous claim never recorded an outcome (its
 * process stopped mid-send, maybe after the server took the mail) is marked `failed`, not
 * sent again. Failures the server reports as temporary (4xx, a dropped connection, a
 * timeout) are retried on the webhooks' backoff (30 s … 6 h, 8 tries); permanent ones (5xx,
 * e.g. an unknown recipient) fail at once. Every try is recorded on the message.
 */

export interface ClaimedMessage {
  id: string;
  organizationId: string;
  reservation_id: string;
  kind: NotificationKind;
  audience: 'customer' | 'staff';
  to_address: string;
  subject: string;
  data: Record<string, unknown>;
  sequence: number;
  attemptNumber: number;
  claimToken: string;
  interrupted: boolean;
}

interface ClaimRow {
  id: string;
  organization_id: string;
  reservation_id: string;
  kind: NotificationKind;
  audience: 'customer' | 'staff';
  to_address: string;
  subject: string;
  data: Record<string, unknown> | string;
  sequence: number;
  attempt_count: number;
  claim_token: string;
  interrupted: boolean;
}

export async function claimDueMessages(db: Db, opts: ClaimOptions): Promise<ClaimedMessage[]> {
  const rows = await claimDue<ClaimRow>(
    db,
    'notification_messages',
    opts,
    sql`select id, organization_id, reservation_id, kind, audience, to_address, subject, data,
               sequence, attempt_count, claim_token, interrupted
        from claimed`,
  );
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    reservation_id: r.reservation_id,
    kind: r.kind,
    audience: r.audience,
    to_address: r.to_address,
    subject: r.subject,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    sequence: Number(r.sequence),
    attemptNumber: Number(r.attempt_count),
    claimToken: r.claim_token,
    interrupted: r.interrupted === true || String(r.interrupted) === 'true',
  }));
}

export interface MessageDispatchOptions {
  /** The clock (tests move it to a reminder's time or a retry's). */
  now?: Date;
  limit?: number;
  /** Claim only this organization's messages (tests sharing one database). */
  organizationId?: string;
  /** Where to send; `null` keeps messages. Defaults to SMTP_URL's transport. */
  transport?: Transporter | null;
}

export interface MessageResult {
  messageId: string;
  kind: NotificationKind;
  to: string;
  attemptNumber: number;
  status: string;
  error: string | null;
  nextAttemptAt: Date | null;
}

interface TryOutcome {
  status: 'sent' | 'kept' | 'failed';
  permanent?: boolean;
  error?: string | null;
  response?: string | null;
}

/** A reply code of 5xx is the server's final word; anything else may work later. */
function smtpFailure(caught: unknown): TryOutcome {
  const e = caught as {
    responseCode?: number;
    response?: string;
    rejectedErrors?: { responseCode?: number; response?: string }[];
  };
  const code = e?.responseCode ?? e?.rejectedErrors?.[0]?.responseCode;
  const response = e?.response ?? e?.rejectedErrors?.[0]?.response ?? null;
  return {
    status: 'failed',
    permanent: typeof code === 'number' && code >= 500 && code < 600,
    error: response ? response.slice(0, 1000) : errorText(caught),
    response,
  };
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function mailOptions(claim: ClaimedMessage, rendered: RenderedMessage) {
  const domain = rendered.from.address.split('@')[1] || 'localhost';
  return {
    from: rendered.from,
    to: rendered.to,
    ...(rendered.replyTo ? { replyTo: rendered.replyTo } : {}),
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    // The same Message-ID on every try, so a receiver can spot a duplicate.
    messageId: `<${claim.id}@${domain}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...(rendered.ics
      ? {
          icalEvent: {
            method: rendered.ics.method,
            filename: 'invite.ics',
            content: rendered.ics.content,
          },
        }
      : {}),
  };
}

async function attempt(claim: ClaimedMessage, transport: Transporter | null): Promise<TryOutcome> {
  if (claim.interrupted) {
    return {
      status: 'failed',
      permanent: true,
      error:
        'A previous try was interrupted (its process stopped) and may have reached the mail server; it is not sent again, so nobody gets it twice.',
    };
  }
  let rendered: RenderedMessage;
  try {
    rendered = await renderMessage(claim);
  } catch (caught) {
    return { status: 'failed', permanent: true, error: `Could not render: ${errorText(caught)}` };
  }
  if (!transport) return { status: 'kept' };
  if (!ADDRESS.test(rendered.to)) {
    return {
      status: 'failed',
      permanent: true,
      error: `Not a deliverable address: ${rendered.to}`,
    };
  }
  try {
    const info = (await transport.sendMail(mailOptions(claim, rendered))) as {
      response?: string;
      rejected?: unknown[];
    };
    if (info.rejected?.length) {
      return { status: 'failed', permanent: true, error: `Rejected: ${info.response ?? ''}` };
    }
    return { status: 'sent', response: info.response ?? null };
  } catch (caught) {
    return smtpFailure(caught);
  }
}

/** Sends (or keeps) one claimed message and records the try. Never throws for mail faults. */
export async function sendClaimedMessage(
  db: Db,
  claim: ClaimedMessage,
  opts: MessageDispatchOptions = {},
): Promise<MessageResult> {
  const started = performance.now();
  const outcome = await attempt(
    claim,
    opts.transport !== undefined ? opts.transport : configuredTransport(),
  );
  // The try's time: the injected clock, moved on by the time the try took.
  const at = new Date((opts.now ?? new Date()).getTime() + (performance.now() - started));
  const succeeded = outcome.status !== 'failed';
  const next = afterTry(
    claim.attemptNumber,
    { succeeded, permanent: outcome.permanent, at },
    outcome.status,
  );
  const error = outcome.error ?? null;
  const entry = {
    attempt: claim.attemptNumber,
    at: at.toISOString(),
    outcome: next.status === 'retrying' ? 'will_retry' : next.status,
    ...(error ? { error } : {}),
    ...(outcome.response ? { response: outcome.response.slice(0, 300) } : {}),
    duration_ms: Math.round(performance.now() - started),
  };
  await recordOutcome(() =>
    db.execute(sql`
    update notification_messages
    set status = ${next.status},
        next_attempt_at = ${(next.nextAttemptAt ?? at).toISOString()}::timestamptz,
        claim_token = null,
        last_attempt_at = ${at.toISOString()}::timestamptz,
        sent_at = ${succeeded ? at.toISOString() : null}::timestamptz,
        last_error = ${error},
        attempts = case when jsonb_array_length(attempts) >= 20 then attempts - 0 else attempts end
                   || jsonb_build_array(${JSON.stringify(entry)}::jsonb),
        updated_at = ${at.toISOString()}::timestamptz
    where id = ${claim.id}::uuid and claim_token = ${claim.claimToken}::uuid`),
  );
  return {
    messageId: claim.id,
    kind: claim.kind,
    to: claim.to_address,
    attemptNumber: claim.attemptNumber,
    status: next.status,
    error,
    nextAttemptAt: next.nextAttemptAt,
  };
}

/** One claim and the sends it leads to, awaited (tests; the loop does the same in the background). */
export async function dispatchDueMessages(
  db: Db,
  opts: MessageDispatchOptions = {},
): Promise<MessageResult[]> {
  const now = opts.now ?? new Date();
  const claims = await claimDueMessages(db, {
    now,
    limit: opts.limit ?? 20,
    organizationId: opts.organizationId,
  });
  return Promise.all(claims.map((claim) => sendClaimedMessage(db, claim, { ...opts, now })));
}

/** The dispatcher loop's view of this queue. */
export const notificationQueue: DispatchQueue<ClaimedMessage> = {
  name: 'email',
  claim: claimDueMessages,
  send: (db, claim, now) => sendClaimedMessage(db, claim, { now }),
};
